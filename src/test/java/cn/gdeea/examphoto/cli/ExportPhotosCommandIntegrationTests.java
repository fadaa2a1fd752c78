package cn.gdeea.examphoto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.storage.internal.FileSystemPhotoStorage;
import cn.gdeea.examphoto.ExamPhotoApplication;
import cn.gdeea.examphoto.support.PhotoFixtures;
import cn.gdeea.examphoto.ExamPhotoApplication;
import cn.gdeea.examphoto.support.PhotoFixtures.Candidate;
import cn.gdeea.examphoto.ExamPhotoApplication;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code export-photos} end to end: a fresh PostgreSQL database migrated and filled with plain SQL,
 * photos in a filesystem store, then the command in its own non-web Spring context.
 */
class ExportPhotosCommandIntegrationTests {

    @TempDir
    static Path work;

    private static String url;
    private static Path photos;
    private static PhotoFixtures fixtures;
    private static final Map<String, Candidate> COLLECTED = new LinkedHashMap<>();
    private static Candidate notCollected;

    @BeforeAll
    static void database() throws Exception {
        url = TestDatabase.createPostgresDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        photos = Files.createDirectories(work.resolve("photos"));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        fixtures = new PhotoFixtures(jdbc, new PhotoRecords(jdbc, new FileSystemPhotoStorage(photos)));
        fixtures.point("4401001", "广州市");
        fixtures.point("4402001", "韶关市");
        for (int i = 0; i < 3; i++) {
            Candidate c = fixtures.candidate("4401001", "广州考生" + i);
            fixtures.collected(c, i);
            COLLECTED.put(c.number(), c);
        }
        Candidate b = fixtures.candidate("4402001", "韶关考生");
        fixtures.collected(b, 1);
        COLLECTED.put(b.number(), b);
        notCollected = fixtures.candidate("4401001", "未采集考生");
        fixtures.submission(notCollected, 0, null);
    }

    @Test
    void writesOneArchivePerPointAndPrintsTheSummary() throws Exception {
        Path out = work.resolve("all");
        Result result = run("export-photos", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("points").asInt()).isEqualTo(2);
        assertThat(json.get("photos").asInt()).isEqualTo(4);
        assertThat(json.get("dir").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(json.get("job").asText()).hasSize(36);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("4401001.zip", "4402001.zip");
        }
        try (ZipFile zip = new ZipFile(out.resolve("4401001.zip").toFile(), StandardCharsets.UTF_8)) {
            assertThat(zip.stream().map(e -> e.getName()).toList()).hasSize(4).contains("manifest.csv")
                    .doesNotContain(notCollected.number() + ".jpg");
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.csv")).readAllBytes(), StandardCharsets.UTF_8);
            for (Candidate c : COLLECTED.values()) {
                if (!c.pointCode().equals("4401001")) {
                    continue;
                }
                byte[] jpeg = zip.getInputStream(zip.getEntry(c.number() + ".jpg")).readAllBytes();
                assertThat(ImageIO.read(new java.io.ByteArrayInputStream(jpeg))).isNotNull();
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
                assertThat(manifest).contains(c.number() + "," + c.name() + ",4401001,广州市,");
                assertThat(manifest).contains(sha + "," + jpeg.length);
            }
        }
    }

    @Test
    void aPointOptionExportsThatPointOnly() throws Exception {
        Path out = work.resolve("one");
        Result result = run("export-photos", out.toString(), "--point", "4402001");

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("points").asInt()).isEqualTo(1);
        assertThat(json.get("photos").asInt()).isEqualTo(1);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("4402001.zip");
        }
    }

    @Test
    void anUnknownPointFailsWithExitOneAndWritesNothing() throws Exception {
        Path out = work.resolve("none");
        Result result = run("export-photos", out.toString(), "--point", "9999999");

        assertThat(result.code()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(result.out()).get("status").asText()).isEqualTo("FAILED");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        assertThat(CommandLine.run(ExamPhotoApplication.class, new String[] {"export-photos"}, System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
        assertThat(CommandLine.run(ExamPhotoApplication.class, new String[] {"export-photos", "dir", "--point"}, System.out,
                new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        assertThat(CommandLine.handles(new String[] {"export-photos"})).isTrue();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.PG_USER,
                "--spring.datasource.password=" + TestDatabase.PG_PASSWORD,
                "--examphoto.storage.directory=" + photos)).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CommandLine.run(ExamPhotoApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
