package cn.gdeea.examphoto.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gdeea.examphoto.support.FaceData;
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
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff API (SPEC §6) end to end through the security filter chain, on each database: the
 * review queue, case detail and photos, claims and decisions.
 */
abstract class StaffApiReviewContract extends StaffApiContractBase {

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
                .andExpect(jsonPath("$.attempts[0].matched").value(false))
                .andExpect(jsonPath("$.attempts[0].photo.url").value("/api/staff/photos/" + c.portraitPhotoId()))
                .andExpect(jsonPath("$.attempts[1].photo.id").value(c.portraitPhotoId()))
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
        String missing = mvc.perform(as(reviewerA, get("/api/staff/photos/987654321"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        String otherPoint = mvc.perform(as(reviewerB, get("/api/staff/photos/" + c.portraitPhotoId())))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        // Another point's photo and a photo that does not exist are told apart by nothing.
        assertThat(otherPoint).isEqualTo(missing);
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
}
