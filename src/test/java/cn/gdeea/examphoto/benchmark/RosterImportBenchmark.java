package cn.gdeea.examphoto.benchmark;

import cn.gdeea.examphoto.ExamPhotoApplication;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.roster.ImportSummary;
import cn.gdeea.examphoto.roster.ReferencePhotos;
import cn.gdeea.examphoto.roster.RosterFixtures;
import cn.gdeea.examphoto.roster.RosterImports;
import cn.gdeea.examphoto.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The province's roster into a fresh PostgreSQL database: 760,000 generated rows with bcrypt
 * hashes (as the registration system exports them), then the same file again (all updates), then
 * a 100,000-row .xlsx, and the bcrypt rate for plain initial passwords on all cores.
 * Run: {@code ./mvnw -q -Dmodels.install.skip=true test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.gdeea.examphoto.benchmark.RosterImportBenchmark} (sizes: {@code -Dbenchmark.rows=…}, {@code -Dbenchmark.xlsx-rows=…}).
 */
public final class RosterImportBenchmark {

    private RosterImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("benchmark.rows", 760_000);
        long xlsxRows = Long.getLong("benchmark.xlsx-rows", 100_000);
        Path work = Files.createTempDirectory("roster-benchmark");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        String[] hashes = new String[5];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = bcrypt.encode("initial-" + i);
        }
        long t0 = System.nanoTime();
        Path csv = RosterFixtures.writeCsv(work.resolve("roster.csv"), rows, 300, hashes);
        System.out.printf("generated %d rows (%d MB) in %.1f s%n", rows, Files.size(csv) >> 20, (System.nanoTime() - t0) / 1e9);

        String url = TestDatabase.createPostgresDatabase();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ExamPhotoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.PG_USER,
                        "--spring.datasource.password=" + TestDatabase.PG_PASSWORD, "--examphoto.demo.enabled=false",
                        "--examphoto.storage.directory=" + work.resolve("photos"))) {
            RosterImports imports = context.getBean(RosterImports.class);
            Jobs jobs = context.getBean(Jobs.class);
            report("csv first import", run(imports, jobs, csv));
            report("csv re-import (updates)", run(imports, jobs, csv));

            if (xlsxRows > 0) {
                Path xlsx = work.resolve("roster.xlsx");
                writeXlsx(xlsx, rows, xlsxRows, hashes);
                report("xlsx " + xlsxRows + " new rows", run(imports, jobs, xlsx));
            }

            List<String> plain = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                plain.add("Pw" + (100000 + i));
            }
            Path plainCsv = work.resolve("plain.csv");
            StringBuilder b = new StringBuilder(RosterFixtures.HEADER).append('\n');
            for (int i = 0; i < plain.size(); i++) {
                b.append(RosterFixtures.line(rows + xlsxRows + i, 300, plain.get(i))).append('\n');
            }
            Files.writeString(plainCsv, b);
            ImportSummary s = run(imports, jobs, plainCsv);
            System.out.printf("plain passwords: %d hashed with bcrypt in %.2f s on %d cores = %.1f hashes/s%n",
                    s.hashed(), s.seconds(), Runtime.getRuntime().availableProcessors(), s.hashed() / s.seconds());
        }
    }

    private static ImportSummary run(RosterImports imports, Jobs jobs, Path file) {
        ImportSummary[] out = new ImportSummary[1];
        RosterImports.CheckedFile checked = imports.check(file, file.getFileName().toString());
        Jobs.JobStatus job = jobs.runNow(RosterImports.JOB_KIND, "benchmark",
                p -> out[0] = imports.run(checked, ReferencePhotos.NONE, p));
        if (!"SUCCEEDED".equals(job.status())) {
            throw new IllegalStateException("import failed: " + job.message());
        }
        return out[0];
    }

    private static void report(String what, ImportSummary s) {
        System.out.printf("%-26s rows=%d imported=%d updated=%d errors=%d seconds=%.1f rows/s=%.0f%n", what, s.rows(),
                s.imported(), s.updated(), s.errors(), s.seconds(), s.rows() / s.seconds());
    }

    private static void writeXlsx(Path file, long offset, long n, String[] hashes) throws Exception {
        try (var out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "examphoto", "1.0");
            Worksheet ws = wb.newWorksheet("roster");
            String[] header = RosterFixtures.HEADER.split(",");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            for (long i = 0; i < n; i++) {
                String[] f = RosterFixtures.line(offset + i, 300, hashes[(int) (i % hashes.length)]).split(",", -1);
                int r = (int) i + 1;
                for (int c = 0; c < f.length; c++) {
                    ws.value(r, c, f[c]);
                }
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
    }
}
