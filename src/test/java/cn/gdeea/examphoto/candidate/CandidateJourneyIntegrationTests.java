package cn.gdeea.examphoto.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.review.ReviewDecisions;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.settings.Setting;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The paths a real candidate takes that the happy path does not: a retake after a pass, a limit
 * lowered while they wait, a rejection and a resubmission of the one item that was wrong, and the
 * requests that must change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CandidateJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @Autowired JdbcClient jdbc;
    @Autowired PhotoRecords photos;
    @Autowired TransactionTemplate tx;
    @Autowired PasswordEncoder encoder;
    @Autowired FaceEngine engine;
    @Autowired TestRestTemplate http;
    @Autowired ReviewDecisions decisions;
    @Autowired SettingsService settings;

    CandidateFixture f;

    @BeforeEach
    void setUp() {
        f = new CandidateFixture(jdbc, photos, tx, encoder, engine, http);
    }

    @AfterEach
    void restoreLimit() {
        settings.update(Setting.ATTEMPT_LIMIT, "3", "test");
    }

    @Test
    void aRetakeAfterAPassKeepsTheVerifiedPhotoUntilANewOneIsVerified() {
        var c = f.candidate("林一", "ID_CARD", CandidateFixture.REFERENCE);
        String token = f.login(c);
        long first = upload(token, CandidateFixture.GENUINE);
        assertThat(verify(token, first).get("match").asBoolean()).isTrue();

        long retake = upload(token, CandidateFixture.GENUINE);
        JsonNode me = me(token);
        assertThat(me.get("state").asText()).isEqualTo("VERIFIED");
        assertThat(me.get("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(me.get("verifiedSubmission").get("id").asLong()).isEqualTo(first);
        assertThat(me.get("currentSubmission").get("id").asLong()).isEqualTo(retake);
        assertThat(me.get("currentSubmission").get("verification").isNull()).isTrue();
        assertError(f.post(confirmPath(retake), token, Map.of()), 409, "collection.not_verified");

        // The retake is someone else's face: it costs one attempt, and the verified photo stays.
        long impostor = upload(token, CandidateFixture.IMPOSTOR);
        JsonNode failed = verify(token, impostor);
        assertThat(failed.get("match").asBoolean()).isFalse();
        assertThat(failed.get("state").asText()).isEqualTo("VERIFIED");
        assertThat(me(token).get("verifiedSubmission").get("id").asLong()).isEqualTo(first);

        assertThat(verify(token, retake).get("match").asBoolean()).isTrue();
        me = me(token);
        assertThat(me.get("verifiedSubmission").get("id").asLong()).isEqualTo(retake);
        assertThat(me.get("attemptsLeft").asInt()).isEqualTo(2);
        assertError(f.post(confirmPath(first), token, Map.of()), 409, "collection.not_verified");
        assertThat(f.tree(f.post(confirmPath(retake), token, Map.of())).get("state").asText()).isEqualTo("COLLECTED");
        assertThat(jdbc.sql("select collected_submission_id from candidate where id = ?").param(c.id()).query(Long.class).single())
                .isEqualTo(retake);
    }

    @Test
    void aLimitLoweredWhileTheCandidateWaitsSendsThemToManualReviewInsteadOfADeadEnd() {
        var c = f.candidate("林二", "ID_CARD", CandidateFixture.REFERENCE);
        String token = f.login(c);
        assertThat(verify(token, upload(token, CandidateFixture.IMPOSTOR)).get("attemptsLeft").asInt()).isEqualTo(2);
        assertThat(verify(token, upload(token, CandidateFixture.IMPOSTOR)).get("attemptsLeft").asInt()).isEqualTo(1);
        long waiting = upload(token, CandidateFixture.GENUINE);

        settings.update(Setting.ATTEMPT_LIMIT, "2", "test");
        JsonNode me = me(token);
        assertThat(me.get("state").asText()).isEqualTo("MANUAL_REQUIRED");
        assertThat(me.get("route").asText()).isEqualTo("MANUAL_ATTEMPTS_EXHAUSTED");
        assertThat(me.get("review").get("status").asText()).isEqualTo("AWAITING_MATERIALS");
        assertError(f.post("/api/candidate/submissions/" + waiting + "/verification", token, Map.of()), 409,
                "verification.manual_review");
        assertThat(jdbc.sql("select count(*) from review_case where candidate_id = ?").param(c.id()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRejectedItemIsMarkedItsReasonStaysAndOnlyThatItemIsSentAgain() throws IOException {
        var c = f.candidate("林三", "ID_CARD", null);
        String token = f.login(c);
        assertThat(me(token).get("route").asText()).isEqualTo("MANUAL_NO_REFERENCE");
        String base = "/api/candidate/review/materials/";
        assertThat(f.upload(base + "PORTRAIT", token, f.portrait(CandidateFixture.GENUINE), "p.jpg", "image/jpeg", "m-1")
                .getStatusCode().value()).isEqualTo(200);
        assertError(f.upload(base + "DOCUMENT_PAGE", token, landscape(), "d.jpg", "image/jpeg"), 422, "review.material_not_applicable");
        byte[] handHeld = landscape();
        for (String kind : List.of("ID_PORTRAIT", "ID_EMBLEM", "HAND_HELD")) {
            assertThat(f.upload(base + kind, token, kind.equals("HAND_HELD") ? handHeld : landscape(), kind + ".jpg",
                    "image/jpeg", "m-" + kind).getStatusCode().value()).isEqualTo(200);
        }
        // The phone lost the answer and sends the same shot again: nothing new is stored.
        long photosBefore = count("select count(*) from photo where candidate_id = ?", c.id());
        assertThat(f.upload(base + "HAND_HELD", token, handHeld, "HAND_HELD.jpg", "image/jpeg", "m-HAND_HELD")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(count("select count(*) from photo where candidate_id = ?", c.id())).isEqualTo(photosBefore);
        assertThat(f.tree(f.post("/api/candidate/review/submit", token, Map.of(), "submit-1")).get("state").asText())
                .isEqualTo("MANUAL_PENDING");

        long caseId = f.tree(f.get("/api/candidate/review", token)).get("id").asLong();
        AuthenticatedUser admin = admin();
        decisions.claim(admin, caseId);
        decisions.reject(admin, caseId, "手持身份证照片模糊，请重新拍摄", List.of("HAND_HELD"));

        JsonNode review = me(token).get("review");
        assertThat(me(token).get("state").asText()).isEqualTo("MANUAL_REJECTED");
        assertThat(review.get("rejectionReason").asText()).isEqualTo("手持身份证照片模糊，请重新拍摄");
        assertThat(review.get("rejectedMaterials").get(0).asText()).isEqualTo("HAND_HELD");
        assertThat(statuses(review)).containsEntry("HAND_HELD", "REJECTED").containsEntry("PORTRAIT", "PRESENT")
                .containsEntry("ID_PORTRAIT", "PRESENT").containsEntry("ID_EMBLEM", "PRESENT");
        assertThat(review.get("canSubmit").asBoolean()).isFalse();
        ResponseEntity<String> early = f.post("/api/candidate/review/submit", token, Map.of());
        assertError(early, 422, "review.incomplete");
        assertThat(f.tree(early).get("details").get(0).get("field").asText()).isEqualTo("HAND_HELD");

        // Retaking one item keeps the reason on screen (also after a reload) and unlocks the resubmission.
        assertThat(f.upload(base + "HAND_HELD", token, landscape(), "hh2.jpg", "image/jpeg", "m-HAND_HELD-2")
                .getStatusCode().value()).isEqualTo(200);
        review = f.tree(f.get("/api/candidate/review", token));
        assertThat(review.get("rejectionReason").asText()).isEqualTo("手持身份证照片模糊，请重新拍摄");
        assertThat(statuses(review)).containsEntry("HAND_HELD", "REPLACED").containsEntry("ID_PORTRAIT", "PRESENT");
        assertThat(review.get("canSubmit").asBoolean()).isTrue();
        JsonNode resent = f.tree(f.post("/api/candidate/review/submit", token, Map.of(), "submit-2"));
        assertThat(resent.get("state").asText()).isEqualTo("MANUAL_PENDING");
        assertThat(resent.get("rejectionReason").asText()).isEqualTo("手持身份证照片模糊，请重新拍摄");

        long followUp = resent.get("id").asLong();
        assertThat(followUp).isNotEqualTo(caseId);
        decisions.claim(admin, followUp);
        decisions.approve(admin, followUp);
        JsonNode me = me(token);
        assertThat(me.get("state").asText()).isEqualTo("COLLECTED");
        assertThat(me.get("review").get("status").asText()).isEqualTo("APPROVED");
        assertThat(me.get("review").get("rejectionReason").isNull()).isTrue();
        assertThat(f.getBytes("/api/candidate/photo/standard", token).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void requestsThatMustChangeNothingGetAClearRefusal() {
        var a = f.candidate("林四", "ID_CARD", CandidateFixture.REFERENCE);
        var b = f.candidate("林五", "ID_CARD", CandidateFixture.REFERENCE);
        String ta = f.login(a);
        String tb = f.login(b);
        long submission = upload(ta, CandidateFixture.GENUINE);
        assertError(f.post("/api/candidate/submissions/" + submission + "/verification", tb, Map.of()), 404, "not_found");
        assertError(f.post(confirmPath(submission), ta, Map.of()), 409, "collection.not_verified");
        assertError(f.upload("/api/candidate/review/materials/HAND_HELD", ta, new byte[] {1, 2, 3}, "x.jpg", "image/jpeg"),
                409, "review.not_open");
        assertThat(count("select attempts_used from candidate where id = ?", a.id())).isZero();
        assertThat(count("select count(*) from verification_attempt where candidate_id in (?, ?)", a.id(), b.id())).isZero();
        assertThat(jdbc.sql("select state from candidate where id = ?").param(a.id()).query(String.class).single())
                .isEqualTo("PHOTO_CHECKED");
    }

    private long upload(String token, String who) {
        ResponseEntity<String> r = f.upload("/api/candidate/photos", token, f.portrait(who), "a.jpg", "image/jpeg");
        JsonNode body = f.tree(r);
        assertThat(body.get("pass").asBoolean()).as(r.getBody()).isTrue();
        return body.get("submissionId").asLong();
    }

    private JsonNode verify(String token, long submission) {
        ResponseEntity<String> r = f.post("/api/candidate/submissions/" + submission + "/verification", token, Map.of());
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return f.tree(r);
    }

    private JsonNode me(String token) {
        return f.tree(f.get("/api/candidate/me", token));
    }

    private static String confirmPath(long submission) {
        return "/api/candidate/submissions/" + submission + "/confirmation";
    }

    private static Map<String, String> statuses(JsonNode review) {
        Map<String, String> m = new java.util.TreeMap<>();
        review.get("materials").forEach(x -> m.put(x.get("kind").asText(), x.get("status").asText()));
        return m;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private AuthenticatedUser admin() {
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) select 'journey-admin', '管理员', 'x', 'ADMIN' "
                + "where not exists (select 1 from staff_account where username = 'journey-admin')").update();
        long id = jdbc.sql("select id from staff_account where username = 'journey-admin'").query(Long.class).single();
        return new AuthenticatedUser(AuthenticatedUser.Kind.STAFF, id, "journey-admin", AuthenticatedUser.Role.ADMIN, Set.of());
    }

    private void assertError(ResponseEntity<String> r, int status, String code) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(f.tree(r).get("code").asText()).as(r.getBody()).isEqualTo(code);
        assertThat(f.tree(r).get("message").asText()).isNotBlank();
        assertThat(f.tree(r).get("messageEn").asText()).isNotBlank();
    }

    private static byte[] landscape() throws IOException {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(210, 215, 225));
        g.fillRect(0, 0, 640, 400);
        g.setColor(new Color((int) (Math.random() * 200), 90, 60));
        g.fillRect(60, 60, 220, 280);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
