package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.web.ApiException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * CSV rows; row numbers are line numbers, as a spreadsheet shows them (the header is row 1).
 * Each line is parsed on its own: no roster field holds a line break, and a quote left open on
 * one line must cost that row (reported with its number), not swallow the rest of the file the
 * way a CSV parser reading across lines would. Lines are read with a bound
 * ({@link #MAX_LINE_CHARS}), so one endless line cannot exhaust memory; Commons CSV has no such
 * bound of its own, hence the line reading here.
 */
final class CsvRosterReader implements RosterReader {

    /** Far above a real roster line (ten columns of at most a few hundred characters). */
    static final int MAX_LINE_CHARS = 16 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    private final Reader in;
    private final Map<Column, Integer> columns;
    private final StringBuilder line = new StringBuilder(256);
    private long lineNumber;
    private boolean eof;

    CsvRosterReader(Reader reader) throws IOException {
        this.in = reader;
        List<String> header;
        try {
            header = readHeader();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        this.columns = RosterFiles.columns(header);
    }

    private List<String> readHeader() throws IOException {
        while (readLine()) {
            if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
                line.deleteCharAt(0);
            }
            if (!line.toString().isBlank()) {
                List<String> header = new ArrayList<>();
                try {
                    parse(line.toString()).forEach(header::add);
                } catch (MalformedRowException e) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.malformed_header",
                            "名单表头格式错误（引号不成对）", "The roster header is malformed (unbalanced quote)");
                }
                return header;
            }
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "roster.empty", "名单文件为空", "The roster file is empty");
    }

    @Override
    public Map<Column, Integer> columns() {
        return columns;
    }

    @Override
    public RawRow next() throws IOException {
        while (readLine()) {
            if (line.length() > MAX_LINE_CHARS) {
                throw new MalformedRowException(lineNumber, "row.too_long",
                        "该行过长（超过 " + MAX_LINE_CHARS + " 个字符）", "The row is longer than " + MAX_LINE_CHARS + " characters");
            }
            if (line.toString().isBlank()) {
                continue;
            }
            String text = line.toString();
            // Most lines quote nothing: split them directly instead of building a parser per line.
            List<String> cells = text.indexOf('"') < 0 ? List.of(text.split(",", -1)) : parse(text).toList();
            String[] values = new String[Column.values().length];
            columns.forEach((column, index) -> values[column.ordinal()] = index < cells.size() ? cells.get(index) : null);
            RawRow row = new RawRow(lineNumber, values);
            if (!row.blank()) {
                return row;
            }
        }
        return null;
    }

    private CSVRecord parse(String text) throws MalformedRowException {
        try (CSVParser parser = FORMAT.parse(new java.io.StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw malformed();
            }
            return records.get(0);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw malformed();
        }
    }

    private MalformedRowException malformed() {
        return new MalformedRowException(lineNumber, "row.malformed", "该行格式错误（引号不成对或多余）",
                "The row is malformed (an unbalanced or stray quote)");
    }

    /**
     * The next line into {@link #line} without its terminator; past {@link #MAX_LINE_CHARS} the
     * rest of the line is skipped (the length marks it as too long). False at the end.
     */
    private boolean readLine() throws IOException {
        if (eof) {
            return false;
        }
        line.setLength(0);
        boolean over = false;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (line.length() <= MAX_LINE_CHARS) {
                line.append((char) c);
            } else {
                over = true;
            }
        }
        if (c < 0) {
            eof = true;
            if (line.isEmpty() && !over) {
                return false;
            }
        }
        lineNumber++;
        if (!over && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
