package cn.gdeea.examphoto.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the staff console needs beyond the staff API: queue filters and counts, the audited reveal
 * of a document number, the daily series, registration-point phone numbers and audit filters.
 */
abstract class ConsoleApiContract extends StaffApiContractBase {

    static final String FULL_NUMBER = "11010519491231002X";

    JsonNode queue(long staff, String... params) throws Exception {
        MockHttpServletRequestBuilder r = get("/api/staff/review-cases");
        for (int i = 0; i < params.length; i += 2) {
            r = r.param(params[i], params[i + 1]);
        }
        return read(mvc.perform(as(staff, r)).andExpect(status().isOk()).andReturn());
    }

    @Test
    void queueFiltersByDocumentTypeSubmissionDateAndCandidateNumberOrName() throws Exception {
        StaffFixture.Case idCard = fx.pendingCase(pointA);
        StaffFixture.Case passport = fx.pendingCase(pointA);
        StaffFixture.Case old = fx.pendingCase(pointA);
        fx.pendingCase(pointB);
        jdbc.sql("update candidate set document_type = '护照', name = '欧阳娜娜' where id = ?").param(passport.candidateId()).update();
        OffsetDateTime jan10 = LocalDate.of(2025, 1, 10).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        jdbc.sql("update review_case set submitted_at = ? where id = ?").params(jan10, old.id()).update();
        String number = jdbc.sql("select candidate_number from candidate where id = ?").param(idCard.candidateId()).query(String.class).single();

        assertThat(queue(reviewerA).get("total").asLong()).isEqualTo(3);
        JsonNode byNumber = queue(reviewerA, "q", number);
        assertThat(byNumber.get("total").asLong()).isEqualTo(1);
        assertThat(byNumber.get("items").get(0).get("id").asLong()).isEqualTo(idCard.id());
        assertThat(queue(reviewerA, "q", "欧阳").get("items").get(0).get("id").asLong()).isEqualTo(passport.id());
        assertThat(queue(reviewerA, "q", "%").get("total").asLong()).isZero();
        // Both the code and the Chinese label of the roster match the code.
        JsonNode passports = queue(reviewerA, "documentType", "PASSPORT");
        assertThat(passports.get("total").asLong()).isEqualTo(1);
        assertThat(passports.get("items").get(0).get("id").asLong()).isEqualTo(passport.id());
        assertThat(queue(reviewerA, "documentType", "ID_CARD").get("total").asLong()).isEqualTo(2);
        JsonNode january = queue(reviewerA, "from", "2025-01-10", "to", "2025-01-10");
        assertThat(january.get("total").asLong()).isEqualTo(1);
        assertThat(january.get("items").get(0).get("id").asLong()).isEqualTo(old.id());
        assertThat(queue(reviewerA, "from", "2025-01-11").get("total").asLong()).isEqualTo(2);
        // Another point's candidate is not found by number either.
        String otherNumber = jdbc.sql("select c.candidate_number from candidate c join review_case rc on rc.candidate_id = c.id where rc.point_code = ?")
                .param(pointB).query(String.class).single();
        assertThat(queue(reviewerA, "q", otherNumber).get("total").asLong()).isZero();

        mvc.perform(as(reviewerA, get("/api/staff/review-cases").param("from", "2025-13-01"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").exists()).andExpect(jsonPath("$.messageEn").exists());
        mvc.perform(as(reviewerA, get("/api/staff/review-cases").param("q", "x".repeat(41)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"));

        mvc.perform(as(reviewerA, get("/api/staff/review-cases/counts"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.PENDING").value(3)).andExpect(jsonPath("$.APPROVED").value(0));
        mvc.perform(as(reviewerB, get("/api/staff/review-cases/counts").param("point", pointA))).andExpect(status().isOk())
                .andExpect(jsonPath("$.PENDING").value(0));
        mvc.perform(as(admin, get("/api/staff/review-cases/counts"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.PENDING").value(4));
    }

    @Test
    void failedChecksOfAStoredReportCarryTheirRegions() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        jdbc.sql("update submission set check_report = ? where id = ?").params("""
                [{"id":"glasses","pass":false,"warning":false,"message":"请摘下眼镜","messageEn":"Remove glasses","region":{"x":10,"y":20,"width":30,"height":40}},
                 {"id":"sharpness","pass":true,"warning":false,"message":"","messageEn":"","region":null}]""", c.submissionId()).update();
        JsonNode detail = read(mvc.perform(as(reviewerA, get("/api/staff/review-cases/" + c.id()))).andExpect(status().isOk()).andReturn());
        JsonNode failed = detail.get("portrait").get("failedChecks");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("id").asText()).isEqualTo("glasses");
        assertThat(failed.get(0).get("region").get("width").asInt()).isEqualTo(30);
        JsonNode row = queue(reviewerA).get("items").get(0);
        assertThat(row.get("failedChecks").get(0).get("region").get("y").asInt()).isEqualTo(20);
    }

    @Test
    void revealsTheFullDocumentNumberInScopeOnlyAndAuditsItMasked() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        String path = "/api/staff/candidates/" + c.candidateId() + "/document-number/reveal";

        mvc.perform(as(reviewerB, post(path))).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(as(reviewerA, post("/api/staff/candidates/987654321/document-number/reveal"))).andExpect(status().isNotFound());
        mvc.perform(post(path).header("Authorization", "Bearer " + fx.candidateToken(c.candidateId()))).andExpect(status().isForbidden());
        mvc.perform(post(path)).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from audit_log where candidate_id = ?", c.candidateId())).isZero();

        mvc.perform(as(reviewerA, post(path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.documentNumber").value(FULL_NUMBER));
        mvc.perform(as(admin, post(path))).andExpect(status().isOk());
        assertThat(count("select count(*) from audit_log where action = 'candidate.reveal_document' and candidate_id = ?", c.candidateId()))
                .isEqualTo(2);
        assertThat(count("select count(*) from audit_log where detail like ?", "%" + FULL_NUMBER + "%")).isZero();
        // The record itself stays masked.
        mvc.perform(as(reviewerA, get("/api/staff/candidates/" + c.candidateId()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate.documentNumber").value(org.hamcrest.Matchers.not(FULL_NUMBER)));
    }

    @Test
    void dailySeriesCountsCollectionsAndManualSubmissionsOfTheCallersPoints() throws Exception {
        long collected = fx.candidate(pointA, "ID_CARD", FULL_NUMBER, "COLLECTED");
        long manual = fx.candidate(pointA, "ID_CARD", FULL_NUMBER, "MANUAL_PENDING");
        long other = fx.candidate(pointB, "ID_CARD", FULL_NUMBER, "COLLECTED");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String insert = "insert into candidate_event (candidate_id, from_state, to_state, actor, created_at) values (?, ?, ?, 'test', ?)";
        jdbc.sql(insert).params(collected, "VERIFIED", "COLLECTED", now).update();
        jdbc.sql(insert).params(manual, "MANUAL_REQUIRED", "MANUAL_PENDING", now).update();
        jdbc.sql(insert).params(other, "VERIFIED", "COLLECTED", now).update();
        jdbc.sql(insert).params(other, "VERIFIED", "COLLECTED", now.minusDays(200)).update();

        JsonNode days = read(mvc.perform(as(reviewerA, get("/api/staff/dashboard/daily"))).andExpect(status().isOk()).andReturn());
        assertThat(days).hasSize(30);
        JsonNode today = days.get(29);
        assertThat(today.get("date").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(today.get("collected").asLong()).isEqualTo(1);
        assertThat(today.get("manualSubmitted").asLong()).isEqualTo(1);
        long sumB = 0;
        for (JsonNode d : read(mvc.perform(as(reviewerB, get("/api/staff/dashboard/daily").param("days", "7"))).andReturn())) {
            sumB += d.get("collected").asLong() + d.get("manualSubmitted").asLong();
        }
        assertThat(sumB).isEqualTo(1);
        JsonNode all = read(mvc.perform(as(admin, get("/api/staff/dashboard/daily").param("days", "1000"))).andExpect(status().isOk()).andReturn());
        assertThat(all).hasSize(92);
        assertThat(all.get(91).get("collected").asLong()).isGreaterThanOrEqualTo(2);
        mvc.perform(as(admin, get("/api/staff/dashboard/daily").param("days", "many"))).andExpect(status().isBadRequest());
    }

    @Test
    void adminChangesAPointsPhoneNumberValidatedAndAudited() throws Exception {
        String path = "/api/admin/points/" + pointA;
        mvc.perform(as(reviewerA, patch(path).contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"020-88889999\"}")))
                .andExpect(status().isForbidden());
        mvc.perform(as(admin, patch(path).contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"call me\"}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.details[0].field").value("phone"));
        mvc.perform(as(admin, patch(path).contentType(MediaType.APPLICATION_JSON).content("{\"phone\":")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(admin, patch(path).contentType(MediaType.TEXT_PLAIN).content("020")))
                .andExpect(status().is4xxClientError());
        mvc.perform(as(admin, patch("/api/admin/points/NOPE").contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"020-1\"}")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select phone from registration_point where code = ?").param(pointA).query(String.class).single())
                .isEqualTo("020-1234567");

        mvc.perform(as(admin, patch(path).contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\" 020-88889999 转 1 \"}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("020-88889999 转 1"));
        assertThat(count("select count(*) from audit_log where action = 'point.update' and point_code = ?", pointA)).isEqualTo(1);
        mvc.perform(as(reviewerA, get("/api/staff/points"))).andExpect(jsonPath("$[0].phone").value("020-88889999 转 1"));
    }

    @Test
    void auditLogFiltersByActionPrefixAndActor() throws Exception {
        StaffFixture.Case c = fx.pendingCase(pointA);
        mvc.perform(as(reviewerA, post("/api/staff/review-cases/" + c.id() + "/claim"))).andExpect(status().isOk());
        mvc.perform(as(reviewerA, post("/api/staff/candidates/" + c.candidateId() + "/document-number/reveal"))).andExpect(status().isOk());
        String username = fx.username(reviewerA);

        JsonNode reviews = read(mvc.perform(as(admin, get("/api/admin/audit").param("action", "review.")
                .param("candidateId", String.valueOf(c.candidateId())))).andExpect(status().isOk()).andReturn());
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).get("action").asText()).isEqualTo("review.claim");
        JsonNode byActor = read(mvc.perform(as(admin, get("/api/admin/audit").param("actor", username))).andReturn());
        assertThat(byActor).hasSize(2);
        JsonNode none = read(mvc.perform(as(admin, get("/api/admin/audit").param("action", "review_"))).andReturn());
        assertThat(none).isEmpty();
        mvc.perform(as(reviewerA, get("/api/admin/audit"))).andExpect(status().isForbidden());
    }
}
