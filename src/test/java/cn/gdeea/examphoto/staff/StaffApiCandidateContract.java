package cn.gdeea.examphoto.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff API (SPEC §6) end to end through the security filter chain, on each database:
 * candidate search and record, corrections, attempt reset, reference photo and the dashboard.
 */
abstract class StaffApiCandidateContract extends StaffApiContractBase {

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
        mvc.perform(body(as(reviewerA, patch(path)), "{\"name\":\"=HYPERLINK(\\\"http://x\\\")\",\"reason\":\"更正\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.details[0].field").value("name"));
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
        long waiting = fx.awaitingCase(candidate, pointA, "ATTEMPTS_EXHAUSTED");
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
        long waiting = fx.awaitingCase(candidate, pointA, "NO_REFERENCE");
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
        // The configured recogniser's descriptor (ArcFace, 512 floats), stored with its model id.
        assertThat(descriptor).hasSize(512 * 4);
        assertThat(jdbc.sql("select reference_descriptor_model from candidate where id = ?").param(candidate).query(String.class).single())
                .isEqualTo(cn.gdeea.examphoto.face.Recogniser.ARCFACE.modelId());
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

    // ---- support

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
}
