package cn.gdeea.examphoto.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.security.AuthenticatedUser.Role;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.StorageIntegrationTest;
import cn.gdeea.examphoto.support.PhotoFixtures.Candidate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class PhotoExportIntegrationTests extends StorageIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TokenService tokens;

    @Autowired
    Jobs jobs;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    @Test
    void exportsEachPointsCollectedStandardPhotosNamedByCandidateNumberWithAManifest() throws Exception {
        String a = newPoint();
        String b = newPoint();
        fixtures.point(a, "广州市");
        fixtures.point(b, "韶关市");
        List<Candidate> collectedA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Candidate c = fixtures.candidate(a, "考生甲" + i);
            fixtures.collected(c, i);
            collectedA.add(c);
        }
        Candidate notCollected = fixtures.candidate(a, "未采集");
        fixtures.submission(notCollected, 0, null);
        jdbc.sql("update candidate set state = 'VERIFIED' where id = ?").param(notCollected.id()).update();
        Candidate collectedB = fixtures.candidate(b, "考生乙");
        fixtures.collected(collectedB, 1);
        String admin = fixtures.staffToken(tokens, Role.ADMIN);

        JsonNode started = json.readTree(mvc.perform(post("/api/admin/exports").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.job.kind").value("PHOTO_EXPORT"))
                .andReturn().getResponse().getContentAsString());
        String jobId = started.at("/job/id").asText();
        Jobs.JobStatus job = await(jobId);
        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.done()).isEqualTo(job.total()).isGreaterThanOrEqualTo(4);

        JsonNode view = json.readTree(mvc.perform(get("/api/admin/exports/" + jobId).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(file(view, a).get("candidates").asInt()).isEqualTo(3);
        assertThat(file(view, a).get("name").asText()).isEqualTo(a + ".zip");
        assertThat(file(view, b).get("candidates").asInt()).isEqualTo(1);

        byte[] zip = download(admin, jobId, a);
        assertThat((long) zip.length).isEqualTo(file(view, a).get("bytes").asLong());
        ExportArchive archive = ExportArchive.read(zip);
        assertThat(archive.entries().keySet()).containsExactlyElementsOf(
                collectedA.stream().map(c -> c.number() + ".jpg").sorted().toList());
        assertThat(archive.manifest()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Candidate c = collectedA.get(i);
            byte[] jpeg = archive.entries().get(c.number() + ".jpg");
            assertThat(jpeg).isEqualTo(fixtures.face(i));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isPositive();
            CSVRecord row = archive.manifest().stream().filter(r -> r.get("candidate_number").equals(c.number())).findFirst().orElseThrow();
            assertThat(row.get("name")).isEqualTo(c.name());
            assertThat(row.get("point_code")).isEqualTo(a);
            assertThat(row.get("city")).isEqualTo("广州市");
            assertThat(row.get("collected_at")).isNotBlank();
            assertThat(row.get("sha256")).isEqualTo(sha256(jpeg));
            assertThat(row.get("size_bytes")).isEqualTo(String.valueOf(jpeg.length));
        }
        assertThat(archive.manifestText()).doesNotContain("440106200801010011").doesNotContain(notCollected.number());
        assertThat(archive.manifest().get(0).toMap().keySet()).containsExactly(
                "candidate_number", "name", "point_code", "city", "collected_at", "sha256", "size_bytes");

        ExportArchive archiveB = ExportArchive.read(download(admin, jobId, b));
        assertThat(archiveB.entries().keySet()).containsExactly(collectedB.number() + ".jpg");

        assertThat(audit.recent(null, 50, Long.MAX_VALUE)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("photo.export.download");
            assertThat(e.pointCode()).isEqualTo(a);
            assertThat(e.detail()).contains(jobId);
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("photo.export");
            assertThat(e.detail()).contains(jobId);
        });
        mvc.perform(get("/api/admin/exports").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.job.id == '" + jobId + "')]").exists());
    }

    @Test
    void aPointFilterExportsThatPointOnly() throws Exception {
        String a = newPoint();
        String b = newPoint();
        fixtures.point(a, "惠州市");
        fixtures.point(b, "梅州市");
        Candidate inA = fixtures.candidate(a, "丁");
        fixtures.collected(inA, 0);
        fixtures.collected(fixtures.candidate(b, "戊"), 1);
        String admin = fixtures.staffToken(tokens, Role.ADMIN);

        String jobId = start(admin, "{\"pointCode\":\"" + a + "\"}");
        Jobs.JobStatus job = await(jobId);

        assertThat(job.total()).isEqualTo(1);
        JsonNode view = json.readTree(mvc.perform(get("/api/admin/exports/" + jobId).header("Authorization", "Bearer " + admin))
                .andReturn().getResponse().getContentAsString());
        assertThat(view.get("files")).hasSize(1);
        assertThat(view.at("/files/0/pointCode").asText()).isEqualTo(a);
        assertThat(ExportArchive.read(download(admin, jobId, a)).entries().keySet()).containsExactly(inA.number() + ".jpg");
        mvc.perform(get("/api/admin/exports/" + jobId + "/files/" + b + ".zip").header("Authorization", "Bearer " + admin))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
    }

    @Test
    void aCollectedPhotoWhoseFileIsLostIsLeftOutAndReported() throws Exception {
        String a = newPoint();
        fixtures.point(a, "清远市");
        Candidate intact = fixtures.candidate(a, "己");
        fixtures.collected(intact, 0);
        Candidate lost = fixtures.candidate(a, "庚");
        var submission = fixtures.collected(lost, 1);
        storage.delete(photoRecords.find(submission.standardPhotoId()).orElseThrow().storageKey());
        String admin = fixtures.staffToken(tokens, Role.ADMIN);

        String jobId = start(admin, "{\"pointCode\":\"" + a + "\"}");
        Jobs.JobStatus job = await(jobId);

        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.message()).contains("1 张照片缺失");
        ExportArchive archive = ExportArchive.read(download(admin, jobId, a));
        assertThat(archive.entries().keySet()).containsExactly(intact.number() + ".jpg");
        assertThat(archive.manifest()).hasSize(1);
    }

    @Test
    void onlyAdminsReachExportsAndDownloads() throws Exception {
        String a = newPoint();
        fixtures.point(a, "湛江市");
        Candidate candidate = fixtures.candidate(a, "辛");
        fixtures.collected(candidate, 0);
        String admin = fixtures.staffToken(tokens, Role.ADMIN);
        String jobId = start(admin, "{\"pointCode\":\"" + a + "\"}");
        await(jobId);
        int before = jobs.recent(PhotoExport.JOB_KIND, 1000).size();
        String reviewer = fixtures.staffToken(tokens, Role.REVIEWER, a);
        String candidateToken = fixtures.candidateToken(tokens, candidate);

        for (String path : List.of("/api/admin/exports", "/api/admin/exports/" + jobId,
                "/api/admin/exports/" + jobId + "/files/" + a + ".zip")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("auth.required"));
            mvc.perform(get(path).header("Authorization", "Bearer " + candidateToken))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
            mvc.perform(get(path).header("Authorization", "Bearer " + reviewer))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
            mvc.perform(get(path).header("Authorization", "Bearer not-a-token")).andExpect(status().isUnauthorized());
        }
        for (String token : List.of(reviewer, candidateToken)) {
            mvc.perform(post("/api/admin/exports").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/admin/exports").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        assertThat(jobs.recent(PhotoExport.JOB_KIND, 1000)).hasSize(before);
        assertThat(audit.recent(null, 200, Long.MAX_VALUE))
                .noneMatch(e -> e.action().startsWith("photo.export") && e.actor().startsWith("staff:reviewer"));
    }

    @Test
    void badRequestsGetTheErrorShapeAndStartNothing() throws Exception {
        String admin = fixtures.staffToken(tokens, Role.ADMIN);
        int before = jobs.recent(PhotoExport.JOB_KIND, 1000).size();

        mvc.perform(post("/api/admin/exports").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pointCode\":\"NOPE404\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"))
                .andExpect(jsonPath("$.message").exists()).andExpect(jsonPath("$.messageEn").exists());
        mvc.perform(post("/api/admin/exports").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pointCode\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
        mvc.perform(post("/api/admin/exports").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.TEXT_PLAIN).content("export"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.status").value(415));
        mvc.perform(get("/api/admin/exports/no-such-job").header("Authorization", "Bearer " + admin))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/api/admin/exports/no-such-job/files/X.zip").header("Authorization", "Bearer " + admin))
                .andExpect(status().isNotFound());
        String otherKind = jobs.runNow("ROSTER_IMPORT", "test", p -> {
        }).id();
        mvc.perform(get("/api/admin/exports/" + otherKind).header("Authorization", "Bearer " + admin))
                .andExpect(status().isNotFound());
        assertThat(jobs.recent(PhotoExport.JOB_KIND, 1000)).hasSize(before);
    }

    private String start(String admin, String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/admin/exports").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).at("/job/id").asText();
    }

    private byte[] download(String token, String jobId, String point) throws Exception {
        return mvc.perform(get("/api/admin/exports/" + jobId + "/files/" + point + ".zip")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + point + ".zip\""))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static JsonNode file(JsonNode view, String point) {
        for (JsonNode f : view.get("files")) {
            if (f.get("pointCode").asText().equals(point)) {
                return f;
            }
        }
        throw new AssertionError("no file for " + point + " in " + view);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    Jobs.JobStatus await(String jobId) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Jobs.JobStatus job = jobs.get(jobId);
            if (job.finishedAt() != null) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

}
