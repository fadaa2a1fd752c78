package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.ExamPhotoApplication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.roster.RosterFixtures;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/examphoto import-roster} end to end against a fresh PostgreSQL database. */
class ImportRosterCommandIntegrationTests {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(ExamPhotoApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsIntoPostgresPrintsJsonAndWritesTheErrorsNextToTheInput() throws Exception {
        String url = TestDatabase.createPostgresDatabase();
        Path file = Files.writeString(dir.resolve("roster.csv"), RosterFixtures.HEADER + "\n"
                + RosterFixtures.line(1, 3, "cli-pass-1") + "\n"
                + RosterFixtures.line(2, 3, "cli-pass-2") + "\n"
                + RosterFixtures.line(3, 3, "cli-pass-3").replace(RosterFixtures.candidateNumber(3), "bad") + "\n");
        assertThat(CommandLine.handles(new String[] {"import-roster", file.toString()})).isTrue();
        String[] args = {"import-roster", file.toString(), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.PG_USER,
                "--spring.datasource.password=" + TestDatabase.PG_PASSWORD,
                "--examphoto.storage.directory=" + dir.resolve("photos")};
        Run first = run(args);
        assertThat(first.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("rows").asLong()).isEqualTo(3);
        assertThat(json.get("imported").asLong()).isEqualTo(2);
        assertThat(json.get("updated").asLong()).isZero();
        assertThat(json.get("errors").asLong()).isEqualTo(1);
        Path report = Path.of(json.get("report").asText());
        assertThat(report).isEqualTo(dir.resolve("roster.csv.errors.csv").toAbsolutePath());
        assertThat(Files.readString(report)).contains("candidate_number.invalid");
        assertThat(json.get("job").asText()).isNotBlank();

        Files.writeString(file, RosterFixtures.HEADER + "\n" + RosterFixtures.line(1, 3, "") + "\n");
        Run again = run(args);
        assertThat(again.exit()).isZero();
        JsonNode second = new ObjectMapper().readTree(again.out());
        assertThat(second.get("updated").asLong()).isEqualTo(1);
        assertThat(second.get("report").isNull()).isTrue();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("select count(*) from candidate")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }

    @Test
    void answersUsageErrorsWithExitTwo() throws Exception {
        assertThat(run("import-roster").exit()).isEqualTo(2);
        assertThat(run("import-roster", dir.resolve("missing.csv").toString()).exit()).isEqualTo(2);
        Path file = Files.writeString(dir.resolve("r.csv"), RosterFixtures.HEADER + "\n");
        assertThat(run("import-roster", file.toString(), "--photos", dir.resolve("nope.zip").toString()).exit())
                .isEqualTo(2);
        assertThat(CommandLine.handles(new String[] {"check", "x.jpg"})).isTrue();
        assertThat(CommandLine.handles(new String[] {"--server.port=8080"})).isFalse();
    }
}
