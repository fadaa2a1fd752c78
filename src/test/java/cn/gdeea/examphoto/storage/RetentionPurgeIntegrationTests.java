package cn.gdeea.examphoto.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.security.AuthenticatedUser.Role;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.retention.RetentionPurge;
import cn.gdeea.examphoto.support.PhotoFixtures.Candidate;
import cn.gdeea.examphoto.support.PhotoFixtures.Submission;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class RetentionPurgeIntegrationTests extends StorageIntegrationTest {

    private static final OffsetDateTime LAST_SEASON = OffsetDateTime.now(ZoneOffset.UTC).minusDays(400);

    @Autowired
    RetentionPurge purge;

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
    void purgesPhotosAndDescriptorsOfIdleCandidatesOnlyAndKeepsTheirRecords() {
        String point = newPoint();
        fixtures.point(point, "广州市");
        Candidate old = fixtures.candidate(point, "旧考生");
        Submission oldSubmission = fixtures.submission(old, 0, LAST_SEASON);
        fixtures.collect(old, oldSubmission);
        long reference = photoRecords.store(old.id(), PhotoKind.REFERENCE, fixtures.face(1), "image/jpeg", null, null);
        jdbc.sql("update photo set created_at = ? where id = ?").params(LAST_SEASON, reference).update();
        jdbc.sql("update candidate set reference_photo_id = ?, reference_descriptor = ? where id = ?")
                .params(reference, new byte[] {9, 9}, old.id()).update();
        List<String> oldKeys = keys(old);
        Candidate current = fixtures.candidate(point, "新考生");
        fixtures.collected(current, 2);
        List<String> currentKeys = keys(current);

        RetentionPurge.PurgeResult result = purge.purge(Instant.now().minus(Duration.ofDays(30)), null);

        assertThat(result.photos()).isGreaterThanOrEqualTo(3);
        assertThat(oldKeys).hasSize(3).allSatisfy(k -> assertThat(storage.get(k)).isEmpty());
        assertThat(keys(old)).isEmpty();
        assertThat(jdbc.sql("select reference_descriptor is null and reference_photo_id is null from candidate where id = ?")
                .param(old.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from submission where candidate_id = ? and descriptor is null and photo_id is null and standard_photo_id is null")
                .param(old.id()).query(Long.class).single()).isEqualTo(1);
        // The record stays: still collected, with its submission.
        assertThat(jdbc.sql("select state from candidate where id = ?").param(old.id()).query(String.class).single())
                .isEqualTo("COLLECTED");

        assertThat(currentKeys).hasSize(2).allSatisfy(k -> assertThat(storage.get(k)).isPresent());
        assertThat(jdbc.sql("select count(*) from submission where candidate_id = ? and descriptor is not null")
                .param(current.id()).query(Long.class).single()).isEqualTo(1);

        assertThat(purge.purge(Instant.now().minus(Duration.ofDays(30)), null).candidates())
                .as("a second purge finds nothing left").isZero();
    }

    @Test
    void adminPurgeRunsAsAnAuditedJob() throws Exception {
        String point = newPoint();
        fixtures.point(point, "珠海市");
        Candidate old = fixtures.candidate(point, "甲");
        fixtures.submission(old, 0, LAST_SEASON);
        List<String> oldKeys = keys(old);
        String admin = fixtures.staffToken(tokens, Role.ADMIN);

        String body = mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"before\":\"" + LocalDate.now().minusDays(30) + "\",\"confirm\":true}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("RETENTION_PURGE"))
                .andReturn().getResponse().getContentAsString();
        String jobId = json.readTree(body).get("id").asText();
        Jobs.JobStatus job = await(jobId);

        assertThat(job.status()).isEqualTo("SUCCEEDED");
        assertThat(job.done()).isGreaterThanOrEqualTo(1);
        assertThat(oldKeys).allSatisfy(k -> assertThat(storage.get(k)).isEmpty());
        assertThat(audit.recent(null, 20, Long.MAX_VALUE)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("retention.purge");
            assertThat(e.detail()).contains("job=" + jobId);
        });
        mvc.perform(get("/api/admin/retention/purge/" + jobId).header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUCCEEDED"));
    }

    @Test
    void refusesAPurgeWithoutConfirmationOrWithAFutureDayAndPurgesNothing() throws Exception {
        String point = newPoint();
        fixtures.point(point, "汕头市");
        Candidate old = fixtures.candidate(point, "乙");
        fixtures.submission(old, 0, LAST_SEASON);
        List<String> oldKeys = keys(old);
        String admin = fixtures.staffToken(tokens, Role.ADMIN);

        for (String request : List.of("{\"before\":\"2025-01-01\"}", "{\"before\":\"2025-01-01\",\"confirm\":false}")) {
            mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + admin)
                            .contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("retention.confirm_required"))
                    .andExpect(jsonPath("$.messageEn").exists());
        }
        mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"before\":\"" + LocalDate.now().plusDays(2) + "\",\"confirm\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("retention.before_invalid"));
        mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"before\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
        mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.TEXT_PLAIN).content("purge"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(oldKeys).allSatisfy(k -> assertThat(storage.get(k)).isPresent());
        assertThat(keys(old)).hasSize(2);
    }

    @Test
    void onlyAdminsMayPurge() throws Exception {
        String point = newPoint();
        fixtures.point(point, "江门市");
        Candidate candidate = fixtures.candidate(point, "丙");
        String request = "{\"before\":\"" + LocalDate.now() + "\",\"confirm\":true}";
        mvc.perform(post("/api/admin/retention/purge").contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("auth.required"));
        mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + fixtures.candidateToken(tokens, candidate))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        mvc.perform(post("/api/admin/retention/purge").header("Authorization", "Bearer " + fixtures.staffToken(tokens, Role.REVIEWER, point))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isForbidden());
        assertThat(jobs.recent(RetentionPurge.JOB_KIND, 100)).noneMatch(j -> j.createdBy().startsWith("staff:reviewer"));
    }

    private List<String> keys(Candidate candidate) {
        return jdbc.sql("select storage_key from photo where candidate_id = ?").param(candidate.id()).query(String.class).list();
    }

    Jobs.JobStatus await(String jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Jobs.JobStatus job = jobs.get(jobId);
            if (job.finishedAt() != null) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

}
