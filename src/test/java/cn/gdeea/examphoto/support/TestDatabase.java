package cn.gdeea.examphoto.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty database and photo folder for one Spring test context: an in-memory H2 in
 * PostgreSQL mode, or a new database on the real PostgreSQL server (127.0.0.1:5432, user
 * {@code postgres}, override with {@code examphoto.test.postgres.*}), created from the {@code test}
 * database. Each context gets its own, so test classes and parallel builds never see each other's rows.
 */
public final class TestDatabase {

    public static final String PG_HOST = System.getProperty("examphoto.test.postgres.host", "127.0.0.1");
    public static final String PG_PORT = System.getProperty("examphoto.test.postgres.port", "5432");
    public static final String PG_USER = System.getProperty("examphoto.test.postgres.user", "postgres");
    public static final String PG_PASSWORD = System.getProperty("examphoto.test.postgres.password", "");

    private TestDatabase() {
    }

    /** Registers an in-memory H2 database and a temporary photo folder. */
    public static void h2(DynamicPropertyRegistry registry) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        photos(registry);
    }

    /**
     * Registers a new database on the PostgreSQL server; skips (fails in CI) when the server is
     * not reachable.
     */
    public static void postgres(DynamicPropertyRegistry registry) {
        String url = createPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PG_USER);
        registry.add("spring.datasource.password", () -> PG_PASSWORD);
        photos(registry);
    }

    /** Creates an empty database on the PostgreSQL server and returns its JDBC URL. */
    public static String createPostgresDatabase() {
        String admin = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test";
        String name = "examphoto_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            Skip.because("PostgreSQL is not reachable at " + admin + " (" + e.getMessage() + ")");
        }
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
    }

    private static void photos(DynamicPropertyRegistry registry) {
        // Tests start from an empty database; the demo seeding has its own tests that turn it on.
        registry.add("examphoto.demo.enabled", () -> "false");
        try {
            Path folder = Files.createTempDirectory("examphoto-photos");
            registry.add("examphoto.storage.directory", folder::toString);
            Path work = Files.createTempDirectory("examphoto-work");
            registry.add("examphoto.work.directory", work::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
