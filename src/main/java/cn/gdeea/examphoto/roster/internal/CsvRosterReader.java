package cn.gdeea.examphoto.roster.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV rows; row numbers count records as a spreadsheet shows them (the header is row 1). */
final class CsvRosterReader implements RosterReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<Column, Integer> columns;

    CsvRosterReader(Reader reader) throws IOException {
        this.parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader);
        this.records = parser.iterator();
        if (!records.hasNext()) {
            parser.close();
            throw new cn.gdeea.examphoto.web.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "roster.empty", "名单文件为空", "The roster file is empty");
        }
        List<String> header = new ArrayList<>();
        records.next().forEach(header::add);
        this.columns = RosterFiles.columns(header);
    }

    @Override
    public Map<Column, Integer> columns() {
        return columns;
    }

    @Override
    public RawRow next() {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            String[] values = new String[Column.values().length];
            columns.forEach((column, index) -> values[column.ordinal()] = index < record.size() ? record.get(index) : null);
            RawRow row = new RawRow(record.getRecordNumber(), values);
            if (!row.blank()) {
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
