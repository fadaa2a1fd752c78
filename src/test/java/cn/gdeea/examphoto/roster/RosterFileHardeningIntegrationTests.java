package cn.gdeea.examphoto.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.support.TestDatabase;
import cn.gdeea.examphoto.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Roster files built to break the import: one bad quote among 100,000 rows costs that row only,
 * an endless line or a 500 MB Excel cell is a clear error instead of an exhausted heap, and an
 * Excel file with a DOCTYPE is refused.
 */
@SpringBootTest
class RosterFileHardeningIntegrationTests {

    /** A bcrypt hash as the password column: taken as it is, so 100,000 rows need no hashing. */
    private static final String HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3nD0zPB6N1tDmrPpC5jGWZa";
    private static final String MARKER = "HUGE_CELL_MARKER";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @Autowired RosterImports imports;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired PhotoStorage storage;
    @TempDir Path dir;

    @Test
    void oneUnterminatedQuoteInAHundredThousandRowsIsThatRowsErrorAndTheRestImports() throws IOException {
        int n = 100_000;
        int bad = 50_000;
        Path file = dir.resolve("roster.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(RosterFixtures.HEADER + "\n");
            for (int i = 0; i < n; i++) {
                String line = RosterFixtures.line(3_000_000L + i, 5, HASH);
                w.write(i == bad ? line.replace(RosterFixtures.name(3_000_000L + i), "\"" + RosterFixtures.name(3_000_000L + i)) : line);
                w.write('\n');
            }
        }
        ImportSummary summary = importFile(file);
        System.out.println("100,000-row CSV with one unterminated quote: rows=" + summary.rows() + " imported="
                + summary.imported() + " errors=" + summary.errors() + " in " + String.format("%.1f s", summary.seconds()));
        assertThat(summary.imported()).isEqualTo(n - 1);
        assertThat(summary.errors()).isEqualTo(1);
        String report = new String(storage.get(summary.reportKey()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(report).contains("\n" + (bad + 2) + ",").contains("row.malformed");
        assertThat(jdbc.sql("select count(*) from candidate where candidate_number = ?")
                .param(RosterFixtures.candidateNumber(3_000_000L + n - 1)).query(Long.class).single()).isOne();
    }

    @Test
    void anEndlessLineIsThatRowsErrorWithoutReadingItIntoMemory() throws IOException {
        Path file = dir.resolve("long.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(RosterFixtures.HEADER + "\n");
            w.write(RosterFixtures.line(4_000_000L, 5, HASH) + "\n");
            char[] block = new char[1 << 20];
            Arrays.fill(block, 'x');
            for (int i = 0; i < 64; i++) {
                w.write(block);
            }
            w.write("\n" + RosterFixtures.line(4_000_001L, 5, HASH) + "\n");
        }
        ImportSummary summary = importFile(file);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(new String(storage.get(summary.reportKey()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("\n3,").contains("row.too_long");
    }

    @Test
    void aFiveHundredMegabyteExcelCellIsAClearErrorNotAnExhaustedHeap() throws IOException {
        Path file = xlsx("huge.xlsx", (name, xml, out) -> {
            int at = xml.indexOf(MARKER);
            if (at < 0) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
                return;
            }
            out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'A');
            for (int i = 0; i < 500; i++) {
                out.write(block);
            }
            out.write(xml.substring(at + MARKER.length()).getBytes(StandardCharsets.UTF_8));
        });
        assertThatThrownBy(() -> imports.check(file, "huge.xlsx")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(e.toError().code()).isEqualTo("roster.cell_too_large");
        });
    }

    @Test
    void refusesAnExcelFileWithADoctype() throws IOException {
        Path file = xlsx("doctype.xlsx", (name, xml, out) -> {
            String patched = name.contains("worksheets/") ? xml.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY x \"y\">]>") : xml;
            out.write(patched.getBytes(StandardCharsets.UTF_8));
        });
        assertThatThrownBy(() -> imports.check(file, "doctype.xlsx")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().is4xxClientError()).isTrue();
            assertThat(e.toError().code()).isEqualTo("roster.xlsx_doctype");
        });
    }

    private ImportSummary importFile(Path file) {
        ImportSummary[] out = new ImportSummary[1];
        RosterImports.CheckedFile checked = imports.check(file, file.getFileName().toString());
        Jobs.JobStatus job = jobs.runNow(RosterImports.JOB_KIND, "test", p -> out[0] = imports.run(checked, ReferencePhotos.NONE, p));
        assertThat(job.status()).as(job.message()).isEqualTo("SUCCEEDED");
        return out[0];
    }

    private interface Part {
        void write(String name, String xml, OutputStream out) throws IOException;
    }

    /** A real two-row workbook (fastexcel), its XML parts rewritten by {@code part}. */
    private Path xlsx(String name, Part part) throws IOException {
        Path plain = dir.resolve("plain-" + name);
        try (OutputStream out = Files.newOutputStream(plain)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("名单");
            List<String> header = List.of(RosterFixtures.HEADER.split(","));
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            String[] f = RosterFixtures.line(5_000_000L, 5, HASH).split(",", -1);
            for (int c = 0; c < f.length; c++) {
                ws.value(1, c, c == 1 ? MARKER : f[c]);
            }
            wb.finish();
        }
        Path file = dir.resolve(name);
        try (ZipFile in = new ZipFile(plain.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    byte[] bytes = content.readAllBytes();
                    if (entry.getName().endsWith(".xml")) {
                        part.write(entry.getName(), new String(bytes, StandardCharsets.UTF_8), out);
                    } else {
                        out.write(bytes);
                    }
                }
                out.closeEntry();
            }
        }
        return file;
    }
}
