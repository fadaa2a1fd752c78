package cn.gdeea.examphoto.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.ExamPhotoApplication;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.support.FaceData;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Demo data: created on the first start with a reference photo when one is given, never twice. */
@SpringBootTest
@ActiveProfiles("demo")
class DemoDataIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws java.io.IOException {
        // The demo profile alone turns the demo data on (TestDatabase.h2 would turn it off).
        String name = "demo" + java.util.UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        java.nio.file.Path photos = java.nio.file.Files.createTempDirectory("examphoto-demo");
        registry.add("examphoto.storage.directory", photos::toString);
        registry.add("examphoto.demo.reference-photo",
                () -> FaceData.requireFolder().resolve("deepface/img1.jpg").toString());
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Environment environment;

    @Test
    void createsOneCandidatePerPathWithKnownPasswordsAndStaff() {
        List<Map<String, Object>> rows = jdbc.sql("select * from candidate order by candidate_number").query().listOfRows();
        assertThat(rows).hasSize(4);
        Pattern number = Pattern.compile("\\d{2}44\\d{10}");
        for (Map<String, Object> c : rows) {
            assertThat((String) c.get("candidate_number")).matches(number);
            assertThat(passwords.matches(DemoData.CANDIDATE_PASSWORD, (String) c.get("password_hash"))).isTrue();
            if ("ID_CARD".equals(c.get("document_type"))) {
                assertThat(new IdNumber((String) c.get("document_number")).isValidResidentId()).isTrue();
            }
        }
        assertThat(rows).extracting(c -> c.get("document_type")).contains("PASSPORT", "ID_CARD");
        assertThat(rows).filteredOn(c -> Boolean.TRUE.equals(c.get("rare_name"))).hasSize(1);
        assertThat(rows.get(0).get("reference_photo_id")).isNotNull();
        assertThat(rows).filteredOn(c -> c.get("reference_photo_id") == null).isNotEmpty();
        assertThat(jdbc.sql("select count(distinct city) from registration_point").query(Long.class).single()).isEqualTo(2);
        String adminHash = jdbc.sql("select password_hash from staff_account where username = 'admin' and role = 'ADMIN'")
                .query(String.class).single();
        assertThat(passwords.matches(DemoData.ADMIN_PASSWORD, adminHash)).isTrue();
        assertThat(jdbc.sql("select count(*) from staff_point sp join staff_account s on s.id = sp.staff_id where s.role = 'REVIEWER'")
                .query(Long.class).single()).isEqualTo(3);

        // A restart on the same database adds nothing.
        try (ConfigurableApplicationContext again = new SpringApplicationBuilder(ExamPhotoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--examphoto.storage.directory=" + environment.getProperty("examphoto.storage.directory"),
                        "--spring.profiles.active=demo",
                        "--examphoto.demo.reference-photo=" + environment.getProperty("examphoto.demo.reference-photo"))) {
            assertThat(jdbc.sql("select count(*) from candidate").query(Long.class).single()).isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from staff_account").query(Long.class).single()).isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from photo").query(Long.class).single()).isEqualTo(1);
        }
    }
}
