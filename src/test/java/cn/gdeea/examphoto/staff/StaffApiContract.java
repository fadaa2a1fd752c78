package cn.gdeea.examphoto.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.FaceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The staff API (SPEC §6) end to end through the security filter chain, on each database. */
@SpringBootTest(properties = {"examphoto.staff.login.per-username=5", "examphoto.staff.login.per-address=1000"})
@AutoConfigureMockMvc
abstract class StaffApiContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired PhotoRecords photos;
    @Autowired TokenService tokens;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate tx;

    StaffFixture fx;
    String pointA;
    String pointB;
    long reviewerA;
    long reviewerA2;
    long reviewerB;
    long admin;

    @BeforeEach
    void data() {
        fx = new StaffFixture(jdbc, photos, tokens, encoder, tx);
        pointA = fx.point("广州市");
        pointB = fx.point("深圳市");
        reviewerA = fx.staff("REVIEWER", pointA);
        reviewerA2 = fx.staff("REVIEWER", pointA);
        reviewerB = fx.staff("REVIEWER", pointB);
        admin = fx.staff("ADMIN");
    }

    // ---- helpers

    MockHttpServletRequestBuilder as(long staffId, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + fx.token(staffId));
    }

    static MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String content) {
        return request.contentType(MediaType.APPLICATION_JSON).content(content);
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    String candidateState(long id) {
        return jdbc.sql("select state from candidate where id = ?").param(id).query(String.class).single();
    }

    // ---- login

    @Test
    void logsInShowsMeAndLogsOut() throws Exception {
        String username = fx.username(reviewerA);
        JsonNode session = read(mvc.perform(body(post("/api/staff/session"),
                        "{\"username\":\"" + username + "\",\"password\":\"password-" + username + "\"}")
                        .with(r -> { r.setRemoteAddr("10.0.0.1"); return r; }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.me.role").value("REVIEWER"))
                .andExpect(jsonPath("$.me.points[0].code").value(pointA))
                .andExpect(jsonPath("$.expiresAt").exists())
                .andReturn());
        String token = session.get("token").asText();
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.points[0].city").value("广州市"));
        mvc.perform(delete("/api/staff/session").header("Authorization", "Bearer " + token)).andExpect(status().isNoContent());
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("auth.required"));
        assertThat(count("select count(*) from audit_log where actor = ? and action in ('staff.login','staff.logout')",
                "staff:" + username)).isEqualTo(2);
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountGetTheSameAnswer() throws Exception {
        String username = fx.username(reviewerB);
        jdbc.sql("update staff_account set enabled = false where id = ?").param(reviewerB).update();
        for (String credentials : List.of(
                "{\"username\":\"" + fx.username(reviewerA) + "\",\"password\":\"wrong-password\"}",
                "{\"username\":\"nobody-" + StaffFixture.unique() + "\",\"password\":\"whatever1\"}",
                "{\"username\":\"" + username + "\",\"password\":\"password-" + username + "\"}",
                "{}")) {
            mvc.perform(body(post("/api/staff/session"), credentials).with(r -> { r.setRemoteAddr("10.0.0.2"); return r; }))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("auth.bad_credentials"))
                    .andExpect(jsonPath("$.message").value("用户名或密码错误"));
        }
        mvc.perform(body(post("/api/staff/session"), "{not json")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed"));
    }

    @Test
    void throttlesRepeatedLoginsOfOneUsernameEvenWithTheRightPassword() throws Exception {
        String username = fx.username(reviewerA2);
        for (int i = 0; i < 5; i++) {
            mvc.perform(body(post("/api/staff/session"), "{\"username\":\"" + username + "\",\"password\":\"bad-guess-" + i + "\"}")
                    .with(r -> { r.setRemoteAddr("10.0.1.1"); return r; })).andExpect(status().isUnauthorized());
        }
        mvc.perform(body(post("/api/staff/session"), "{\"username\":\"" + username + "\",\"password\":\"password-" + username + "\"}")
                        .with(r -> { r.setRemoteAddr("10.0.1.2"); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("auth.throttled"));
    }

    // ---- authorisation of every endpoint

    @Test
    void everyEndpointNeedsAStaffTokenAndAdminEndpointsNeedAnAdmin() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        String candidateToken = fx.candidateToken(c.candidateId());
        List<MockHttpServletRequestBuilder> staffEndpoints = List.of(
                get("/api/staff/me"), get("/api/staff/points"), delete("/api/staff/session"),
                get("/api/staff/review-cases"), get("/api/staff/review-cases/" + c.id()),
                post("/api/staff/review-cases/" + c.id() + "/claim"), delete("/api/staff/review-cases/" + c.id() + "/claim"),
                post("/api/staff/review-cases/" + c.id() + "/approve"),
                body(post("/api/staff/review-cases/" + c.id() + "/reject"), "{\"reason\":\"x\"}"),
                get("/api/staff/photos/" + c.portraitPhotoId()),
                get("/api/staff/candidates"), get("/api/staff/candidates/" + c.candidateId()),
                body(patch("/api/staff/candidates/" + c.candidateId()), "{\"name\":\"李四\",\"reason\":\"x\"}"),
                body(post("/api/staff/candidates/" + c.candidateId() + "/attempt-reset"), "{\"reason\":\"x\"}"),
                multipart("/api/staff/candidates/" + c.candidateId() + "/reference-photo")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", new byte[] {1, 2}))
                        .with(r -> { r.setMethod("PUT"); return r; }),
                get("/api/staff/dashboard"));
        List<MockHttpServletRequestBuilder> adminEndpoints = List.of(
                get("/api/admin/settings"), body(put("/api/admin/settings/attempt-limit"), "{\"value\":\"5\"}"),
                get("/api/admin/audit"), get("/api/admin/staff"),
                body(post("/api/admin/staff"), "{\"username\":\"zz" + StaffFixture.unique() + "\",\"displayName\":\"Z\",\"password\":\"longenough\",\"role\":\"ADMIN\",\"points\":[]}"),
                body(patch("/api/admin/staff/" + reviewerB), "{\"enabled\":false}"));
        for (MockHttpServletRequestBuilder r : concat(staffEndpoints, adminEndpoints)) {
            mvc.perform(r).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("auth.required"));
            mvc.perform(r.header("Authorization", "Bearer " + candidateToken))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        }
        for (MockHttpServletRequestBuilder r : adminEndpoints) {
            mvc.perform(r.header("Authorization", "Bearer " + fx.token(reviewerA)))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("auth.forbidden"));
        }
        // Nothing of the above changed anything.
        assertThat(count("select count(*) from setting where name = 'attempt-limit'")).isZero();
        assertThat(jdbc.sql("select enabled from staff_account where id = ?").param(reviewerB).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select status from review_case where id = ?").param(c.id()).query(String.class).single()).isEqualTo("PENDING");
        assertThat(candidateState(c.candidateId())).isEqualTo("MANUAL_PENDING");
    }

    @Test
    void aReviewerOfAnotherPointSeesNothingOfTheCandidate() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/staff/review-cases/" + c.id()),
                post("/api/staff/review-cases/" + c.id() + "/claim"),
                delete("/api/staff/review-cases/" + c.id() + "/claim"),
                post("/api/staff/review-cases/" + c.id() + "/approve"),
                body(post("/api/staff/review-cases/" + c.id() + "/reject"), "{\"reason\":\"照片不清晰\"}"),
                get("/api/staff/photos/" + c.portraitPhotoId()),
                get("/api/staff/photos/" + c.idPortraitPhotoId()),
                get("/api/staff/candidates/" + c.candidateId()),
                body(patch("/api/staff/candidates/" + c.candidateId()), "{\"name\":\"李四\",\"reason\":\"更正\"}"),
                body(post("/api/staff/candidates/" + c.candidateId() + "/attempt-reset"), "{\"reason\":\"重置\"}"),
                multipart("/api/staff/candidates/" + c.candidateId() + "/reference-photo")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", face()))
                        .with(r -> { r.setMethod("PUT"); return r; }));
        for (MockHttpServletRequestBuilder r : requests) {
            mvc.perform(as(reviewerB, r)).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        }
        mvc.perform(as(reviewerB, get("/api/staff/review-cases"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(reviewerB, get("/api/staff/review-cases").param("point", pointA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(reviewerB, get("/api/staff/candidates").param("point", pointA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(reviewerB, get("/api/staff/dashboard"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(1)).andExpect(jsonPath("$.points[0].code").value(pointB));
        assertThat(candidateState(c.candidateId())).isEqualTo("MANUAL_PENDING");
        assertThat(count("select count(*) from review_case where id = ? and claimed_by is null and status = 'PENDING'", c.id())).isEqualTo(1);
        assertThat(count("select count(*) from photo where candidate_id = ? and kind = 'REFERENCE'", c.candidateId())).isZero();
        assertThat(count("select count(*) from audit_log where candidate_id = ?", c.candidateId())).isZero();
        // An admin sees it.
        mvc.perform(as(admin, get("/api/staff/review-cases/" + c.id()))).andExpect(status().isOk());
    }

    // ---- queue and detail

    @Test
    void queueListsOwnPointsOldestFirstWithClaimScoreAndFailedChecks() throws Exception {
        StaffFixture.Case newer = fx.pendingCase(pointA);
        StaffFixture.Case older = fx.pendingCase(pointA);
        fx.pendingCase(pointB);
        jdbc.sql("update review_case set submitted_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), older.id()).update();
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + newer.id() + "/claim"))).andExpect(status().isOk());
        mvc.perform(as(reviewerA2, get("/api/staff/review-cases").param("size", "10")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].id").value(older.id()))
                .andExpect(jsonPath("$.items[1].id").value(newer.id()))
                .andExpect(jsonPath("$.items[0].lastScore").value(0.38))
                .andExpect(jsonPath("$.items[0].failedChecks[0].id").value("glasses"))
                .andExpect(jsonPath("$.items[0].failedChecks.length()").value(1))
                .andExpect(jsonPath("$.items[0].documentType").value("ID_CARD"))
                .andExpect(jsonPath("$.items[0].claim").doesNotExist())
                .andExpect(jsonPath("$.items[1].claim.username").value(fx.username(reviewerA)))
                .andExpect(jsonPath("$.items[1].claim.live").value(true))
                .andExpect(jsonPath("$.items[1].claim.mine").value(false));
        mvc.perform(as(admin, get("/api/staff/review-cases").param("city", "深圳市"))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(as(reviewerA, get("/api/staff/review-cases").param("status", "BOGUS")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"));
        mvc.perform(as(reviewerA, get("/api/staff/review-cases").param("page", "x")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"));
    }

    @Test
    void caseDetailHasEveryPhotoTheAttemptsAndAMaskedDocumentNumber() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        long reference = fx.photo(c.candidateId(), cn.gdeea.examphoto.storage.PhotoKind.REFERENCE);
        jdbc.sql("update candidate set reference_photo_id = ? where id = ?").params(reference, c.candidateId()).update();
        MvcResult result = mvc.perform(as(reviewerA, get("/api/staff/review-cases/" + c.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.documentNumber").value("11**************2X"))
                .andExpect(jsonPath("$.portrait.photo.url").value("/api/staff/photos/" + c.portraitPhotoId()))
                .andExpect(jsonPath("$.portrait.checkReport.checks[0].id").value("glasses"))
                .andExpect(jsonPath("$.reference.id").value(reference))
                .andExpect(jsonPath("$.idPortrait.id").value(c.idPortraitPhotoId()))
                .andExpect(jsonPath("$.idEmblem.url").exists())
                .andExpect(jsonPath("$.handHeld.url").exists())
                .andExpect(jsonPath("$.attempts.length()").value(2))
                .andExpect(jsonPath("$.attempts[1].score").value(0.38))
                .andExpect(jsonPath("$.cases[0].id").value(c.id()))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("110105194912310");
        mvc.perform(as(reviewerA, get("/api/staff/review-cases/999999999"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
    }

    @Test
    void servesPhotosUncachedOnlyInScope() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        byte[] expected = Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
        MvcResult r = mvc.perform(as(reviewerA, get("/api/staff/photos/" + c.portraitPhotoId())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("no-store"), org.hamcrest.Matchers.containsString("private"))))
                .andReturn();
        assertThat(r.getResponse().getContentAsByteArray()).isEqualTo(expected);
        mvc.perform(as(admin, get("/api/staff/photos/" + c.idPortraitPhotoId()))).andExpect(status().isOk());
        mvc.perform(as(reviewerA, get("/api/staff/photos/987654321"))).andExpect(status().isNotFound());
    }

    // ---- claims

    @Test
    void anotherReviewersLiveClaimBlocksButAnExpiredOneCanBeTakenOver() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.claimedBy").value(fx.username(reviewerA)));
        mvc.perform(as(reviewerA2, post("/api/staff/review-cases/" + c.id() + "/claim")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.claimed_by_other"));
        mvc.perform(as(reviewerA2, post("/api/staff/review-cases/" + c.id() + "/approve")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.claimed_by_other"));
        mvc.perform(as(reviewerA2, delete("/api/staff/review-cases/" + c.id() + "/claim")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.not_claimed"));
        jdbc.sql("update review_case set claim_expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), c.id()).update();
        // The expired holder may no longer decide.
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/approve")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.claim_required"));
        mvc.perform(as(reviewerA2, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select claimed_by from review_case where id = ?").param(c.id()).query(Long.class).single()).isEqualTo(reviewerA2);
        mvc.perform(as(reviewerA2, delete("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isNoContent());
        assertThat(count("select count(*) from review_case where id = ? and claimed_by is null", c.id())).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where candidate_id = ? and action = 'review.claim'", c.candidateId())).isEqualTo(2);
        assertThat(candidateState(c.candidateId())).isEqualTo("MANUAL_PENDING");
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        List<Long> reviewers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reviewers.add(fx.staff("REVIEWER", pointA));
        }
        List<Integer> statuses = concurrently(reviewers.stream()
                .map(id -> as(id, post("/api/staff/review-cases/" + c.id() + "/claim"))).toList());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(5);
        Long holder = jdbc.sql("select claimed_by from review_case where id = ?").param(c.id()).query(Long.class).single();
        assertThat(reviewers).contains(holder);
    }

    // ---- decisions

    @Test
    void approvalCollectsTheCasesPortrait() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/approve")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.claim_required"));
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk());
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/approve")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.candidate.state").value("COLLECTED"));
        assertThat(candidateState(c.candidateId())).isEqualTo("COLLECTED");
        assertThat(jdbc.sql("select collected_submission_id from candidate where id = ?").param(c.candidateId())
                .query(Long.class).single()).isEqualTo(c.submissionId());
        assertThat(count("select count(*) from review_case where id = ? and decided_by = ? and decided_at is not null", c.id(), reviewerA)).isEqualTo(1);
        assertThat(count("select count(*) from candidate_event where candidate_id = ? and from_state = 'MANUAL_PENDING' and to_state = 'COLLECTED' and actor = ?",
                c.candidateId(), "staff:" + fx.username(reviewerA))).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where candidate_id = ? and action = 'review.approve'", c.candidateId())).isEqualTo(1);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/reject")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"晚了\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.not_pending"));
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("review.not_pending"));
    }

    @Test
    void rejectionNeedsAReasonAndLetsTheCandidateResubmit() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk());
        for (String bad : List.of("{}", "{\"reason\":\"   \"}", "{\"reason\":\"" + "长".repeat(501) + "\"}")) {
            mvc.perform(body(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/reject")), bad))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"))
                    .andExpect(jsonPath("$.details[0].field").value("reason"));
        }
        mvc.perform(body(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/reject")), "{\"reason\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.malformed"));
        assertThat(candidateState(c.candidateId())).isEqualTo("MANUAL_PENDING");
        mvc.perform(body(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/reject")), "{\"reason\":\"手持身份证照片模糊，请重新拍摄\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectionReason").value("手持身份证照片模糊，请重新拍摄"));
        assertThat(candidateState(c.candidateId())).isEqualTo("MANUAL_REJECTED");
        assertThat(count("select count(*) from candidate_event where candidate_id = ? and to_state = 'MANUAL_REJECTED'", c.candidateId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where candidate_id = ? and action = 'review.reject'", c.candidateId())).isEqualTo(1);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/424242/approve"))).andExpect(status().isNotFound());
    }

    @Test
    void twoConcurrentDecisionsOnOneCaseNeverBothSucceed() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk());
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/approve")));
            requests.add(body(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/reject")), "{\"reason\":\"不清晰\"}"));
            requests.add(as(reviewerA2, post("/api/staff/review-cases/" + c.id() + "/approve")));
        }
        List<Integer> statuses = concurrently(requests);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(8);
        String status = jdbc.sql("select status from review_case where id = ?").param(c.id()).query(String.class).single();
        assertThat(candidateState(c.candidateId())).isEqualTo("APPROVED".equals(status) ? "COLLECTED" : "MANUAL_REJECTED");
        assertThat(count("select count(*) from candidate_event where candidate_id = ?", c.candidateId())).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where candidate_id = ? and action in ('review.approve','review.reject')", c.candidateId())).isEqualTo(1);
    }

    // ---- candidate record and corrections

    @Test
    void searchesAndShowsTheRecordWithinScope() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        String number = jdbc.sql("select candidate_number from candidate where id = ?").param(c.candidateId()).query(String.class).single();
        mvc.perform(as(reviewerA, get("/api/staff/candidates").param("q", number)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(c.candidateId()));
        mvc.perform(as(reviewerA, get("/api/staff/candidates").param("q", "张三").param("state", "MANUAL_PENDING")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(as(reviewerB, get("/api/staff/candidates").param("q", number))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(as(reviewerA, get("/api/staff/candidates").param("state", "NOPE"))).andExpect(status().isBadRequest());
        MvcResult r = mvc.perform(as(reviewerA, get("/api/staff/candidates/" + c.candidateId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.documentNumber").value("11**************2X"))
                .andExpect(jsonPath("$.candidate.attemptsLeft").value(3))
                .andExpect(jsonPath("$.submissions.length()").value(1))
                .andExpect(jsonPath("$.attempts.length()").value(2))
                .andExpect(jsonPath("$.reviewCases[0].status").value("PENDING"))
                .andReturn();
        assertThat(r.getResponse().getContentAsString()).doesNotContain("110105194912310");
        mvc.perform(as(reviewerA, get("/api/staff/candidates/77777777"))).andExpect(status().isNotFound());
    }

    @Test
    void correctionIsValidatedAuditedWithMaskedNumbersAndRecorded() throws Exception {
        long candidate = fx.candidate(pointA, "ID_CARD", "11010519491231002X", "NOT_STARTED");
        String path = "/api/staff/candidates/" + candidate;
        for (String bad : List.of("{\"documentNumber\":\"110105194912310021\",\"reason\":\"更正\"}",
                "{\"name\":\"  \",\"reason\":\"更正\"}", "{\"name\":\"李四\"}", "{\"reason\":\"更正\"}")) {
            mvc.perform(body(as(reviewerA, patch(path)), bad)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("request.invalid")).andExpect(jsonPath("$.details").isArray());
        }
        mvc.perform(body(as(reviewerA, patch(path)), "[1,")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed"));
        assertThat(count("select count(*) from audit_log where candidate_id = ?", candidate)).isZero();
        assertThat(count("select count(*) from candidate where id = ? and name like '张三%' and document_number = '11010519491231002X'", candidate)).isEqualTo(1);

        mvc.perform(body(as(reviewerA, patch(path)), "{\"name\":\"王𠮷\",\"documentNumber\":\"440524188001010014\",\"reason\":\"考生申请更正\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidate.name").value("王𠮷"))
                .andExpect(jsonPath("$.candidate.rareName").value(true))
                .andExpect(jsonPath("$.candidate.documentNumber").value("44**************14"));
        assertThat(jdbc.sql("select document_number from candidate where id = ?").param(candidate).query(String.class).single())
                .isEqualTo("440524188001010014");
        String detail = jdbc.sql("select detail from audit_log where candidate_id = ? and action = 'candidate.correct'")
                .param(candidate).query(String.class).single();
        assertThat(detail).contains("11**************2X -> 44**************14").contains("王𠮷").contains("考生申请更正")
                .doesNotContain("11010519491231002X").doesNotContain("440524188001010014");
        String event = jdbc.sql("select detail from candidate_event where candidate_id = ?").param(candidate).query(String.class).single();
        assertThat(event).doesNotContain("440524188001010014");
        // Non-ID documents are not held to the ID-card checksum.
        long passport = fx.candidate(pointA, "PASSPORT", "E12345678", "MANUAL_REQUIRED");
        mvc.perform(body(as(reviewerA, patch("/api/staff/candidates/" + passport)), "{\"documentNumber\":\"E87654321\",\"reason\":\"更正\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void attemptResetReturnsAnExhaustedCandidateToAutomaticVerification() throws Exception {
        long candidate = fx.candidate(pointA, "ID_CARD", "11010519491231002X", "MANUAL_REQUIRED");
        jdbc.sql("update candidate set attempts_used = 3 where id = ?").param(candidate).update();
        long waiting = fx.awaitingCase(candidate, pointA, CandidateCorrections.REASON_ATTEMPTS_EXHAUSTED);
        mvc.perform(body(as(reviewerA, post("/api/staff/candidates/" + candidate + "/attempt-reset")), "{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"));
        assertThat(count("select attempts_used from candidate where id = ?", candidate)).isEqualTo(3);
        mvc.perform(body(as(reviewerA, post("/api/staff/candidates/" + candidate + "/attempt-reset")), "{\"reason\":\"考生光线问题\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidate.attemptsUsed").value(0))
                .andExpect(jsonPath("$.candidate.state").value("NOT_STARTED"));
        assertThat(jdbc.sql("select status from review_case where id = ?").param(waiting).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from audit_log where candidate_id = ? and action = 'candidate.attempt_reset'", candidate)).isEqualTo(1);
        // A candidate who already sent materials keeps their pending case; only the counter resets.
        StaffFixture.Case pending = fx.pendingCase(pointA);
        mvc.perform(body(as(reviewerA, post("/api/staff/candidates/" + pending.candidateId() + "/attempt-reset")), "{\"reason\":\"重置\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.candidate.state").value("MANUAL_PENDING"));
    }

    @Test
    void referencePhotoMustShowAFaceAndReopensAutomaticVerification() throws Exception {
        long candidate = fx.candidate(pointA, "ID_CARD", "11010519491231002X", "MANUAL_REQUIRED");
        long waiting = fx.awaitingCase(candidate, pointA, CandidateCorrections.REASON_NO_REFERENCE);
        String path = "/api/staff/candidates/" + candidate + "/reference-photo";
        mvc.perform(as(reviewerA, multipart(path).file(new MockMultipartFile("file", "x.jpg", "image/jpeg", "not an image".getBytes()))
                        .with(r -> { r.setMethod("PUT"); return r; })))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.startsWith("image.")));
        mvc.perform(as(reviewerA, multipart(path).file(new MockMultipartFile("file", "white.png", "image/png", blank()))
                        .with(r -> { r.setMethod("PUT"); return r; })))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("reference.no_face"));
        mvc.perform(as(reviewerA, multipart(path).file(new MockMultipartFile("other", "x.jpg", "image/jpeg", face()))
                        .with(r -> { r.setMethod("PUT"); return r; })))
                .andExpect(status().isBadRequest());
        assertThat(count("select count(*) from photo where candidate_id = ?", candidate)).isZero();
        assertThat(candidateState(candidate)).isEqualTo("MANUAL_REQUIRED");

        JsonNode result = read(mvc.perform(as(reviewerA, multipart(path).file(new MockMultipartFile("file", "ref.jpg", "image/jpeg", face()))
                        .with(r -> { r.setMethod("PUT"); return r; })))
                .andExpect(status().isOk()).andExpect(jsonPath("$.backToAutomaticVerification").value(true)).andReturn());
        long photoId = result.get("photoId").asLong();
        assertThat(jdbc.sql("select reference_photo_id from candidate where id = ?").param(candidate).query(Long.class).single()).isEqualTo(photoId);
        byte[] descriptor = jdbc.sql("select reference_descriptor from candidate where id = ?").param(candidate).query(byte[].class).single();
        assertThat(descriptor).hasSize(128 * 4);
        assertThat(candidateState(candidate)).isEqualTo("NOT_STARTED");
        assertThat(jdbc.sql("select status from review_case where id = ?").param(waiting).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from audit_log where candidate_id = ? and action = 'candidate.reference_photo'", candidate)).isEqualTo(1);
        mvc.perform(as(reviewerA, get("/api/staff/photos/" + photoId))).andExpect(status().isOk());
    }

    // ---- dashboard

    @Test
    void dashboardCountsByStateCityAndPoint() throws Exception {
        String pointC = fx.point("广州市");
        long both = fx.staff("REVIEWER", pointA, pointC);
        fx.candidate(pointA, "ID_CARD", "1", "NOT_STARTED");
        fx.candidate(pointA, "ID_CARD", "2", "COLLECTED");
        fx.candidate(pointC, "ID_CARD", "3", "COLLECTED");
        fx.pendingCase(pointC);
        fx.candidate(pointB, "ID_CARD", "4", "COLLECTED");
        mvc.perform(as(both, get("/api/staff/dashboard")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.COLLECTED").value(2))
                .andExpect(jsonPath("$.overall.NOT_STARTED").value(1))
                .andExpect(jsonPath("$.overall.MANUAL_PENDING").value(1))
                .andExpect(jsonPath("$.pendingReviews").value(1))
                .andExpect(jsonPath("$.cities.length()").value(1))
                .andExpect(jsonPath("$.cities[0].total").value(4))
                .andExpect(jsonPath("$.points.length()").value(2));
        MvcResult all = mvc.perform(as(admin, get("/api/staff/dashboard"))).andExpect(status().isOk()).andReturn();
        assertThat(read(all).get("overall").get("COLLECTED").asLong()).isGreaterThanOrEqualTo(3);
    }

    // ---- admin: settings, audit, staff

    @Test
    void adminChangesASettingWithValidationAndAudit() throws Exception {
        mvc.perform(as(admin, get("/api/admin/settings"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key=='review-claim-minutes')].type").value("INTEGER"))
                .andExpect(jsonPath("$[?(@.key=='review-claim-minutes')].labelZh").exists());
        mvc.perform(body(as(admin, put("/api/admin/settings/review-claim-minutes")), "{\"value\":\"zero\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("settings.invalid_value"));
        mvc.perform(body(as(admin, put("/api/admin/settings/no-such-key")), "{\"value\":\"1\"}")).andExpect(status().isNotFound());
        mvc.perform(body(as(admin, put("/api/admin/settings/review-claim-minutes")), "{\"value\":")).andExpect(status().isBadRequest());
        assertThat(count("select count(*) from audit_log where action = 'settings.update'")).isZero();
        mvc.perform(body(as(admin, put("/api/admin/settings/review-claim-minutes")), "{\"value\":\"30\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.value").value("30"));
        assertThat(jdbc.sql("select detail from audit_log where action = 'settings.update'").query(String.class).single())
                .isEqualTo("key=review-claim-minutes; old=15; new=30");
        StaffFixture.Case c = fx.pendingCase(pointA);
        JsonNode claim = read(mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andReturn());
        assertThat(OffsetDateTime.parse(claim.get("until").asText())).isAfter(OffsetDateTime.now().plusMinutes(29));
        mvc.perform(body(as(admin, put("/api/admin/settings/review-claim-minutes")), "{\"value\":\"15\"}")).andExpect(status().isOk());
    }

    @Test
    void auditTrailIsNewestFirstAndAppendOnly() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk());
        mvc.perform(as(reviewerA, delete("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isNoContent());
        JsonNode entries = read(mvc.perform(as(admin, get("/api/admin/audit").param("candidateId", String.valueOf(c.candidateId()))))
                .andExpect(status().isOk()).andReturn());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("review.release");
        assertThat(entries.get(1).get("action").asText()).isEqualTo("review.claim");
        JsonNode older = read(mvc.perform(as(admin, get("/api/admin/audit").param("candidateId", String.valueOf(c.candidateId()))
                .param("before", entries.get(0).get("id").asText()).param("limit", "5"))).andReturn());
        assertThat(older).hasSize(1);
        assertThatThrownBy(() -> jdbc.sql("update audit_log set detail = 'x' where candidate_id = ?").param(c.candidateId()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where candidate_id = ?").param(c.candidateId()).update())
                .hasMessageContaining("append-only");
        assertThat(count("select count(*) from audit_log where candidate_id = ?", c.candidateId())).isEqualTo(2);
    }

    @Test
    void adminManagesStaffAccountsAndDisablingEndsSessions() throws Exception {
        String username = "rev" + StaffFixture.unique();
        String create = "{\"username\":\"" + username + "\",\"displayName\":\"陈审核\",\"password\":\"%s\",\"role\":\"REVIEWER\",\"points\":%s}";
        mvc.perform(body(as(admin, post("/api/admin/staff")), create.formatted("short", "[\"" + pointA + "\"]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.details[0].field").value("password"));
        mvc.perform(body(as(admin, post("/api/admin/staff")), create.formatted("long-enough", "[\"NOPE\"]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.details[0].field").value("points"));
        mvc.perform(body(as(admin, post("/api/admin/staff")), create.formatted("long-enough", "[]")))
                .andExpect(status().isBadRequest());
        assertThat(count("select count(*) from staff_account where username = ?", username)).isZero();
        JsonNode created = read(mvc.perform(body(as(admin, post("/api/admin/staff")), create.formatted("long-enough", "[\"" + pointA + "\"]")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.points[0]").value(pointA)).andReturn());
        assertThat(created.has("passwordHash")).isFalse();
        mvc.perform(body(as(admin, post("/api/admin/staff")), create.formatted("long-enough", "[\"" + pointA + "\"]")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("staff.username_taken"));
        long id = created.get("id").asLong();
        String session = read(mvc.perform(body(post("/api/staff/session"), "{\"username\":\"" + username + "\",\"password\":\"long-enough\"}")
                .with(r -> { r.setRemoteAddr("10.0.2.1"); return r; })).andExpect(status().isOk()).andReturn()).get("token").asText();
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + session)).andExpect(status().isOk());
        mvc.perform(body(as(admin, patch("/api/admin/staff/" + id)), "{\"points\":[\"" + pointB + "\"],\"displayName\":\"陈审核2\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.points[0]").value(pointB));
        mvc.perform(body(as(admin, patch("/api/admin/staff/" + id)), "{\"enabled\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + session)).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from auth_token where principal_kind = 'STAFF' and principal_id = ?", id)).isZero();
        mvc.perform(body(as(admin, patch("/api/admin/staff/" + admin)), "{\"enabled\":false}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("staff.self_lockout"));
        mvc.perform(body(as(admin, patch("/api/admin/staff/999999")), "{\"enabled\":false}")).andExpect(status().isNotFound());
        mvc.perform(as(admin, get("/api/admin/staff"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username=='" + username + "')].enabled").value(false));
        assertThat(count("select count(*) from audit_log where action in ('staff.create','staff.update') and detail like ?", "username=" + username + "%"))
                .isEqualTo(3);
        mvc.perform(as(reviewerA, get("/api/staff/points"))).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(as(admin, get("/api/staff/points"))).andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
    }

    // ---- support

    List<Integer> concurrently(List<MockHttpServletRequestBuilder> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (MockHttpServletRequestBuilder r : requests) {
                Callable<Integer> call = () -> {
                    start.await();
                    return mvc.perform(r).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] face() throws Exception {
        return Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
    }

    static byte[] blank() throws Exception {
        BufferedImage white = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 300, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(white, "png", out);
        return out.toByteArray();
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
