package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.ExamPhotoApplication;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code bin/examphoto create-admin}: once, printing JSON; refused while an admin exists unless forced. */
class CreateAdminCommandIntegrationTests {

    @TempDir
    Path dir;

    private record Run(int exit, JsonNode json) {
    }

    private Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CommandLine.run(ExamPhotoApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new Run(exit, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void createsTheFirstAdminOnceAndRefusesASecondUnlessForced() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String[] spring = {"--spring.datasource.url=" + url, "--examphoto.storage.directory=" + dir.resolve("photos")};
        Run first = run(concat(new String[] {"create-admin", "--username", "chief"}, spring));
        assertThat(first.exit()).isZero();
        assertThat(first.json().get("status").asText()).isEqualTo("CREATED");
        String password = first.json().get("password").asText();
        assertThat(password).hasSize(20);
        assertThat(hash(url, "chief")).satisfies(h -> assertThat(new BCryptPasswordEncoder().matches(password, h)).isTrue());

        Run second = run(concat(new String[] {"create-admin", "--username", "deputy"}, spring));
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.json().get("status").asText()).isEqualTo("REFUSED");
        assertThat(second.json().get("error").asText()).isEqualTo("staff.admin_exists");
        assertThat(second.json().has("password")).isFalse();
        assertThat(hash(url, "deputy")).isNull();

        Run forced = run(concat(new String[] {"create-admin", "--username", "chief", "--force"}, spring));
        assertThat(forced.exit()).isZero();
        assertThat(forced.json().get("status").asText()).isEqualTo("RESET");
        String reset = forced.json().get("password").asText();
        assertThat(reset).isNotEqualTo(password);
        assertThat(new BCryptPasswordEncoder().matches(reset, hash(url, "chief"))).isTrue();
    }

    private static String hash(String url, String username) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             var s = c.prepareStatement("select password_hash from staff_account where username = ? and role = 'ADMIN'")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
