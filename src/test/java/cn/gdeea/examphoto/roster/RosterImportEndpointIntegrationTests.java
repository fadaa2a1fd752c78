package cn.gdeea.examphoto.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The admin's roster-import and job endpoints: roles, bad files, the job and its report, the audit entry. */
@SpringBootTest
@AutoConfigureMockMvc
class RosterImportEndpointIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TokenService tokens;
    @Autowired
    ObjectMapper json;

    String admin;
    String reviewer;
    String candidate;

    @BeforeEach
    void accounts() {
        String suffix = Long.toString(System.nanoTime());
        admin = staff("admin" + suffix, "ADMIN");
        reviewer = staff("rev" + suffix, "REVIEWER");
        jdbc.sql("insert into registration_point (code, name, city, phone) values (?, '测试点', '广州市', '1') on conflict do nothing")
                .param("440000").update();
        String number = RosterFixtures.candidateNumber(9_000_000 + (System.nanoTime() % 1_000_000));
        jdbc.sql("""
                insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash)
                values (?, '考生', 'PASSPORT', ?, '广州市', '440000', 'x')""").params(number, "P" + suffix).update();
        long id = jdbc.sql("select id from candidate where candidate_number = ?").param(number).query(Long.class).single();
        candidate = tokens.issue(AuthenticatedUser.Kind.CANDIDATE, id, Duration.ofHours(1));
    }

    private String staff(String username, String role) {
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values (?, ?, 'x', ?)")
                .params(username, username, role).update();
        long id = jdbc.sql("select id from staff_account where username = ?").param(username).query(Long.class).single();
        return tokens.issue(AuthenticatedUser.Kind.STAFF, id, Duration.ofHours(1));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static MockMultipartFile roster(String content) {
        return new MockMultipartFile("file", "名单.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private long candidates() {
        return jdbc.sql("select count(*) from candidate").query(Long.class).single();
    }

    @Test
    void importsAsAdminAndOffersTheErrorReport() throws Exception {
        long before = candidates();
        String content = RosterFixtures.HEADER + "\n" + RosterFixtures.line(7_000_001, 3, "admin-pass") + "\n"
                + RosterFixtures.line(7_000_002, 3, "admin-pass").replace("居民身份证", "驾照") + "\n";
        String body = mvc.perform(as(multipart("/api/admin/roster-imports").file(roster(content)), admin))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("ROSTER_IMPORT"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        JsonNode job = waitFor(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(candidates()).isEqualTo(before + 1);

        byte[] report = mvc.perform(as(get("/api/admin/jobs/" + id + "/report"), admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(report, StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("3,", "document_type.unknown");

        mvc.perform(as(get("/api/admin/roster-imports"), admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.job.id == '" + id + "')].summary.imported").value(1))
                .andExpect(jsonPath("$[?(@.job.id == '" + id + "')].summary.errors").value(1));
        String detail = jdbc.sql("select detail from audit_log where action = 'ROSTER_IMPORT' and detail like ?")
                .param("job=" + id + "%").query(String.class).single();
        assertThat(detail).contains("imported=1", "rejected=1").doesNotContain(RosterFixtures.idNumber(7_000_001));
    }

    private JsonNode waitFor(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = json.readTree(mvc.perform(as(get("/api/admin/jobs/" + id), admin))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (job.get("finishedAt") != null && !job.get("finishedAt").isNull()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish");
    }

    @Test
    void refusesCandidatesReviewersAndAnonymousCallers() throws Exception {
        String content = RosterFixtures.HEADER + "\n" + RosterFixtures.line(7_100_001, 3, "some-pass") + "\n";
        long before = candidates();
        mvc.perform(multipart("/api/admin/roster-imports").file(roster(content)))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("auth.required"));
        mvc.perform(as(multipart("/api/admin/roster-imports").file(roster(content)), candidate))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        mvc.perform(as(multipart("/api/admin/roster-imports").file(roster(content)), reviewer))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        mvc.perform(as(get("/api/admin/roster-imports"), reviewer)).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/admin/jobs/x"), candidate)).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/admin/jobs/x/report"), reviewer)).andExpect(status().isForbidden());
        Thread.sleep(300);
        assertThat(candidates()).isEqualTo(before);
    }

    @Test
    void answersBadFilesWithTheErrorShapeAndImportsNothing() throws Exception {
        long jobs = jdbc.sql("select count(*) from job").query(Long.class).single();
        long before = candidates();
        mvc.perform(as(multipart("/api/admin/roster-imports").file(new MockMultipartFile("file", "x.png", "image/png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})), admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("roster.unsupported_type"))
                .andExpect(jsonPath("$.messageEn").isString());
        mvc.perform(as(multipart("/api/admin/roster-imports").file(roster("")), admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("roster.empty"));
        mvc.perform(as(multipart("/api/admin/roster-imports").file(roster("考生号,姓名\n26440000000001,张三\n")), admin))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("roster.missing_columns"))
                .andExpect(jsonPath("$.details[0].field").isString());
        mvc.perform(as(multipart("/api/admin/roster-imports"), admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("../evil.jpg"));
            out.write(1);
            out.closeEntry();
        }
        String content = RosterFixtures.HEADER + "\n" + RosterFixtures.line(7_200_001, 3, "some-pass") + "\n";
        mvc.perform(as(multipart("/api/admin/roster-imports").file(roster(content))
                        .file(new MockMultipartFile("photos", "p.zip", "application/zip", zip.toByteArray())), admin))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("roster.photos_unsafe"));
        mvc.perform(as(get("/api/admin/jobs/no-such-job"), admin))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        assertThat(candidates()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from job").query(Long.class).single()).isEqualTo(jobs);
    }
}
