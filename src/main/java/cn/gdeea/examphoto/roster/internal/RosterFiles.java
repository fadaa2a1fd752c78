package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Recognises a roster file by its content (XLSX or CSV text; the old binary .xls is refused with
 * a hint), finds a CSV's encoding (UTF-8 with or without BOM, else GB18030, which covers the GBK
 * that Excel in China writes) and checks the header before anything is imported.
 */
public final class RosterFiles {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    static final Charset GB18030 = Charset.forName("GB18030");

    private RosterFiles() {
    }

    /** What was found in the file: its format, the CSV encoding, and an estimate of the data rows. */
    public record Inspection(Format format, Charset charset, long estimatedRows) {
    }

    public enum Format { CSV, XLSX }

    /** Checks type, encoding and header; throws a 400/422 {@link ApiException} when unusable. */
    public static Inspection inspect(Path file) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "roster.empty", "名单文件为空", "The roster file is empty");
            }
            byte[] head = new byte[8192];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            Inspection inspection;
            if (startsWith(head, n, ZIP)) {
                XlsxSafety.check(file);
                inspection = new Inspection(Format.XLSX, null, 0);
            } else if (startsWith(head, n, OLE2)) {
                throw unsupported("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV",
                        "Old Excel (.xls) files are not supported; save as .xlsx or CSV");
            } else if (looksBinary(head, n)) {
                throw unsupported("名单须为 CSV 或 Excel（.xlsx）文件", "The roster must be a CSV or Excel (.xlsx) file");
            } else {
                inspection = scanText(file);
            }
            try (RosterReader reader = open(file, inspection)) {
                requireColumns(reader.columns());
                if (!hasDataRow(reader)) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "roster.empty", "名单文件中没有数据行",
                            "The roster file has no data rows");
                }
            }
            return inspection;
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static boolean hasDataRow(RosterReader reader) throws IOException {
        try {
            return reader.next() != null;
        } catch (MalformedRowException e) {
            return true; // a row, if a bad one: reported as that row's error by the import
        }
    }

    /** Opens the rows of an inspected file. */
    public static RosterReader open(Path file, Inspection inspection) throws IOException {
        if (inspection.format() == Format.XLSX) {
            try {
                return new XlsxRosterReader(file);
            } catch (IOException | RuntimeException e) {
                throw unreadable();
            }
        }
        return new CsvRosterReader(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                inspection.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)), 1 << 16));
    }

    /** The header cells mapped to columns; unknown headers are ignored, a repeated one refused. */
    static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Column.byHeader(header.get(i)).ifPresent(c -> {
                if (found.putIfAbsent(c, index) != null) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.duplicate_column",
                            "表头中列“" + c.zh() + "”重复", "The header names column " + c.en() + " twice");
                }
            });
        }
        return found;
    }

    private static void requireColumns(Map<Column, Integer> columns) {
        List<ApiError.Detail> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && !columns.containsKey(c)) {
                missing.add(new ApiError.Detail(c.en(), "缺少列：" + c.zh() + " (" + c.en() + ")"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.missing_columns",
                    "表头缺少必需的列：" + String.join("、", missing.stream().map(d -> Column.valueOf(d.field().toUpperCase()).zh()).toList()),
                    "The header lacks required columns: " + String.join(", ", missing.stream().map(ApiError.Detail::field).toList()),
                    missing);
        }
    }

    /** One pass over the bytes: valid UTF-8 or not, and how many lines (for the progress bar). */
    private static Inspection scanText(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean valid = true;
        long lines = 0;
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(file)) {
            while (true) {
                int read = channel.read(bytes);
                bytes.flip();
                for (int i = bytes.position(); i < bytes.limit(); i++) {
                    if (bytes.get(i) == '\n') {
                        lines++;
                    }
                }
                if (valid) {
                    CoderResult result;
                    do {
                        chars.clear();
                        result = utf8.decode(bytes, chars, read < 0);
                    } while (result.isOverflow());
                    if (result.isError()) {
                        valid = false;
                    }
                }
                if (read < 0) {
                    break;
                }
                if (valid) {
                    bytes.compact();
                } else {
                    bytes.clear();
                }
            }
        }
        return new Inspection(Format.CSV, valid ? StandardCharsets.UTF_8 : GB18030, Math.max(0, lines - 1));
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        return n >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean looksBinary(byte[] head, int n) {
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static ApiException unsupported(String zh, String en) {
        return new ApiException(HttpStatus.BAD_REQUEST, "roster.unsupported_type", zh, en);
    }

    static ApiException unreadable() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.unreadable", "名单文件无法读取或已损坏",
                "The roster file cannot be read or is damaged");
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
