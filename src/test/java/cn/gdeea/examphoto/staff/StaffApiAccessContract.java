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

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff API (SPEC §6) end to end through the security filter chain, on each database: login,
 * authorisation of every endpoint, and the admin's settings, audit trail and staff accounts.
 */
abstract class StaffApiAccessContract extends StaffApiContractBase {

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
    void throttlesRepeatedFailuresOfOneUsernameFromOneAddressEvenWithTheRightPassword() throws Exception {
        String username = fx.username(reviewerA2);
        for (int i = 0; i < 5; i++) {
            mvc.perform(body(post("/api/staff/session"), "{\"username\":\"" + username + "\",\"password\":\"bad-guess-" + i + "\"}")
                    .with(r -> { r.setRemoteAddr("10.0.1.1"); return r; })).andExpect(status().isUnauthorized());
        }
        mvc.perform(body(post("/api/staff/session"), "{\"username\":\"" + username + "\",\"password\":\"password-" + username + "\"}")
                        .with(r -> { r.setRemoteAddr("10.0.1.1"); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("auth.throttled"))
                .andExpect(header().exists("Retry-After"));
        mvc.perform(body(post("/api/staff/session"), "{\"username\":\"" + username + "\",\"password\":\"password-" + username + "\"}")
                        .with(r -> { r.setRemoteAddr("10.0.1.2"); return r; }))
                .andExpect(status().isOk());
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

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
