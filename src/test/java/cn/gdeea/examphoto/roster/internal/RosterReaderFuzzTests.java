package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.web.ApiException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Fuzzes the roster readers (CSV and XLSX) as the import uses them: {@link RosterFiles#inspect}
 * then every row. Each input ends as rows, row errors ({@link MalformedRowException}) or one
 * 4xx {@link ApiException}; nothing else escapes. XLSX inputs are real workbooks (fastexcel) with
 * fuzzed cells and bytes overwritten, so the fuzzer gets past the ZIP structure.
 */
class RosterReaderFuzzTests {

    private static final List<String> HEADER = List.of("考生号", "姓名", "证件类型", "证件号码", "城市", "报考点代码",
            "报考点名称", "报考点电话", "密码", "参考照片");

    @FuzzTest(maxDuration = "20s")
    void readsEveryCsvAsRowsRowErrorsOrOneClearError(FuzzedDataProvider data) throws IOException {
        String prefix = data.consumeBoolean() ? String.join(",", HEADER) + "\n" : "";
        byte[] bytes = (prefix + data.consumeRemainingAsString()).getBytes(data.consumeBoolean()
                ? java.nio.charset.StandardCharsets.UTF_8 : RosterFiles.GB18030);
        readAll(bytes, ".csv");
    }

    @FuzzTest(maxDuration = "20s")
    void readsEveryXlsxAsRowsRowErrorsOrOneClearError(FuzzedDataProvider data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "fuzz", "1.0");
        Worksheet ws = wb.newWorksheet("名单");
        int columns = data.consumeInt(1, HEADER.size());
        for (int c = 0; c < columns; c++) {
            ws.value(0, c, HEADER.get(c));
        }
        int rows = data.consumeInt(0, 5);
        for (int r = 1; r <= rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (data.consumeBoolean()) {
                    ws.value(r, c, data.consumeDouble());
                } else {
                    ws.value(r, c, data.consumeString(40));
                }
            }
        }
        wb.finish();
        byte[] bytes = out.toByteArray();
        int edits = data.consumeInt(0, 6);
        for (int i = 0; i < edits; i++) {
            bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
        }
        readAll(bytes, ".xlsx");
    }

    private static void readAll(byte[] bytes, String suffix) throws IOException {
        Path file = Files.createTempFile("fuzz-roster", suffix);
        try {
            Files.write(file, bytes);
            RosterFiles.Inspection inspection;
            try {
                inspection = RosterFiles.inspect(file);
            } catch (ApiException e) {
                requireClientError(e);
                return;
            }
            try (RosterReader reader = RosterFiles.open(file, inspection)) {
                for (int i = 0; i < 100_000; i++) {
                    try {
                        RawRow row = reader.next();
                        if (row == null) {
                            return;
                        }
                        for (String v : row.values()) {
                            if (v != null && v.length() > CsvRosterReader.MAX_LINE_CHARS + XlsxSafety.MAX_RUN) {
                                throw new AssertionError("a cell of " + v.length() + " characters was read");
                            }
                        }
                    } catch (MalformedRowException rowError) {
                        // that row's error; the reader goes on
                    }
                }
            } catch (ApiException e) {
                requireClientError(e);
            }
        } catch (UncheckedIOException e) {
            throw new AssertionError("unchecked I/O failure escaped the reader", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void requireClientError(ApiException e) {
        if (!e.status().is4xxClientError()) {
            throw new AssertionError("not a client error: " + e.status(), e);
        }
    }

}
