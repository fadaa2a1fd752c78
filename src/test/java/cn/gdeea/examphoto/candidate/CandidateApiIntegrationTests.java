package cn.gdeea.examphoto.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The candidate API over real HTTP on H2: the journey, authorisation, bad input, routing and manual review. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "examphoto.image.max-bytes=400000")
class CandidateApiIntegrationTests {

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
    @Autowired TokenService tokens;
    @Value("${examphoto.storage.directory}") Path storage;

    CandidateFixture f;

    @BeforeEach
    void setUp() {
        f = new CandidateFixture(jdbc, photos, tx, encoder, engine, http);
    }

    @Test
    void genuineCandidateIsVerifiedThenCollectedAndLandsOnTheResult() {
        var c = f.candidate("李四", "ID_CARD", CandidateFixture.REFERENCE);
        String token = f.login(c);
        JsonNode me = f.tree(f.get("/api/candidate/me", token));
        assertThat(me.get("state").asText()).isEqualTo("NOT_STARTED");
        assertThat(me.get("route").asText()).isEqualTo("AUTOMATIC");
        assertThat(me.get("documentNumberMasked").asText()).isEqualTo("44**************1X");
        assertThat(me.get("pointPhone").asText()).isEqualTo("020-12345678");

        ResponseEntity<String> upload = f.upload("/api/candidate/photos", token, f.portrait(CandidateFixture.GENUINE), "a.jpg", "image/jpeg");
        JsonNode checked = f.tree(upload);
        assertThat(checked.get("pass").asBoolean()).as(upload.getBody()).isTrue();
        assertThat(checked.get("checks").size()).isGreaterThan(5);
        long id = checked.get("submissionId").asLong();
        assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single()).isZero();

        JsonNode attempt = f.tree(f.post("/api/candidate/submissions/" + id + "/verification", token, Map.of()));
        System.out.println("GENUINE attempt: " + attempt);
        assertThat(attempt.get("match").asBoolean()).isTrue();
        assertThat(attempt.get("state").asText()).isEqualTo("VERIFIED");
        // A match spends no attempt (SPEC §3: only a failure adds one).
        assertThat(attempt.get("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(attempt.get("spent").asBoolean()).isFalse();
        assertThat(attempt.get("verifier").asText()).isEqualTo("embedded");
        me = f.tree(f.get("/api/candidate/me", token));
        assertThat(me.get("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(me.get("verifiedSubmission").get("id").asLong()).isEqualTo(id);
        assertThat(me.get("currentSubmission").get("verification").get("match").asBoolean()).isTrue();

        ResponseEntity<String> confirmed = f.post("/api/candidate/submissions/" + id + "/confirmation", token, Map.of());
        assertThat(f.tree(confirmed).get("state").asText()).isEqualTo("COLLECTED");
        assertThat(f.post("/api/candidate/submissions/" + id + "/confirmation", token, Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("select collected_submission_id from candidate where id = ?").param(c.id()).query(Long.class).single()).isEqualTo(id);

        String again = f.login(c);
        me = f.tree(f.get("/api/candidate/me", again));
        assertThat(me.get("state").asText()).isEqualTo("COLLECTED");
        assertThat(me.get("collected").asBoolean()).isTrue();
        assertThat(me.get("photoUrl").asText()).isEqualTo("/api/candidate/photo");
        ResponseEntity<byte[]> photo = f.getBytes("/api/candidate/photo", again);
        assertThat(photo.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(photo.getHeaders().getCacheControl()).contains("no-store").contains("private");
        assertThat(photo.getBody()).isEqualTo(f.portrait(CandidateFixture.GENUINE));
        assertThat(f.getBytes("/api/candidate/photo/standard", again).getStatusCode().value()).isEqualTo(200);
        assertThat(f.upload("/api/candidate/photos", again, f.portrait(CandidateFixture.GENUINE), "a.jpg", "image/jpeg")
                .getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from candidate_event where candidate_id = ?").param(c.id()).query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void aFailedAttemptIsListedToItsOwnerOnlyAndNobodyElseReachesIt() {
        var a = f.candidate("王五", "ID_CARD", CandidateFixture.REFERENCE);
        var b = f.candidate("赵六", "ID_CARD", CandidateFixture.REFERENCE);
        String ta = f.login(a);
        String tb = f.login(b);
        long id = f.tree(f.upload("/api/candidate/photos", ta, f.portrait(CandidateFixture.IMPOSTOR), "a.jpg", "image/jpeg"))
                .get("submissionId").asLong();
        JsonNode attempt = f.tree(f.post("/api/candidate/submissions/" + id + "/verification", ta, Map.of()));
        assertThat(attempt.get("match").asBoolean()).isFalse();
        assertThat(attempt.get("reason").asText()).isEqualTo("below_threshold");
        assertThat(attempt.get("attemptsLeft").asInt()).isEqualTo(2);
        assertThat(attempt.get("state").asText()).isEqualTo("PHOTO_CHECKED");
        JsonNode attempts = f.tree(f.get("/api/candidate/attempts", ta));
        assertThat(attempts.size()).isEqualTo(1);
        assertThat(attempts.get(0).get("photoUrl").asText()).isEqualTo("/api/candidate/submissions/" + id + "/photo");
        assertThat(f.getBytes("/api/candidate/submissions/" + id + "/photo", ta).getStatusCode().value()).isEqualTo(200);
        assertThat(f.post("/api/candidate/submissions/" + id + "/confirmation", ta, Map.of()).getStatusCode().value()).isEqualTo(409);

        assertError(f.get("/api/candidate/submissions/" + id + "/photo", tb), 404, "not_found");
        assertError(f.post("/api/candidate/submissions/" + id + "/verification", tb, Map.of()), 404, "not_found");
        assertError(f.post("/api/candidate/submissions/" + id + "/confirmation", tb, Map.of()), 404, "not_found");
        assertThat(f.tree(f.get("/api/candidate/attempts", tb)).size()).isZero();
        assertError(f.get("/api/candidate/photo", tb), 404, "not_found");
        assertThat(jdbc.sql("select attempts_used from candidate where id = ?").param(b.id()).query(Integer.class).single()).isZero();

        assertError(f.get("/api/candidate/me", null), 401, "auth.required");
        assertError(f.get("/api/candidate/submissions/" + id + "/photo", null), 401, "auth.required");
        assertError(f.get("/api/candidate/me", "not-a-token"), 401, "auth.required");
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values ('rev1', '审核员', 'x', 'REVIEWER')").update();
        long staff = jdbc.sql("select id from staff_account where username = 'rev1'").query(Long.class).single();
        String staffToken = tokens.issue(AuthenticatedUser.Kind.STAFF, staff, Duration.ofHours(1));
        assertError(f.get("/api/candidate/submissions/" + id + "/photo", staffToken), 403, "auth.forbidden");
        assertError(f.get("/api/candidate/me", staffToken), 403, "auth.forbidden");

        ResponseEntity<String> out = http.exchange("/api/candidate/session", HttpMethod.DELETE, new HttpEntity<>(bearer(ta)), String.class);
        assertThat(out.getStatusCode().value()).isEqualTo(204);
        assertError(f.get("/api/candidate/me", ta), 401, "auth.required");
    }

    @Test
    void badUploadsAndRequestsGetTheErrorShapeAndStoreNothing() throws IOException {
        var c = f.candidate("孙七", "ID_CARD", CandidateFixture.REFERENCE);
        String token = f.login(c);
        long rows = photoRows();
        long files = storedFiles();
        byte[] portrait = f.portrait(CandidateFixture.GENUINE);

        assertError(f.upload("/api/candidate/photos", token, "hello".getBytes(), "a.jpg", "image/jpeg"), 422, "image.not_an_image");
        assertError(f.upload("/api/candidate/photos", token, Arrays.copyOf(portrait, portrait.length / 2), "a.jpg", "image/jpeg"), 422, "image.truncated");
        assertError(f.upload("/api/candidate/photos", token, portrait, "a.txt", "text/plain"), 415, "image.unsupported_type");
        byte[] big = Arrays.copyOf(portrait, 500_000);
        assertError(f.upload("/api/candidate/photos", token, big, "a.jpg", "image/jpeg"), 413, "image.too_large_bytes");
        assertError(f.upload("/api/candidate/photos", token, new byte[0], "a.jpg", "image/jpeg"), 400, "image.empty");
        assertError(f.post("/api/candidate/photos", token, Map.of("file", "x")), 415, "request.unsupported_media_type");
        assertError(f.post("/api/candidate/submissions/999999/verification", token, Map.of()), 404, "not_found");
        assertError(f.post("/api/candidate/submissions/abc/verification", token, Map.of()), 400, "request.invalid");
        assertError(f.get("/api/candidate/submissions/999999/photo", token), 404, "not_found");
        assertError(f.upload("/api/candidate/review/materials/ID_PORTRAIT", token, portrait, "a.jpg", "image/jpeg"), 409, "review.not_open");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertError(http.exchange("/api/candidate/session", HttpMethod.POST, new HttpEntity<>("{\"candidateNumber\":", json), String.class),
                400, "request.malformed");
        assertError(f.post("/api/candidate/session", null, Map.of("candidateNumber", c.number())), 400, "request.invalid");

        assertThat(photoRows()).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(jdbc.sql("select count(*) from submission where candidate_id = ?").param(c.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single()).isEqualTo("NOT_STARTED");
    }

    @Test
    void loginAnswersOneGenericErrorAndThrottlesRepeatedFailures() {
        var c = f.candidate("周八", "ID_CARD", CandidateFixture.REFERENCE);
        ResponseEntity<String> unknown = f.post("/api/candidate/session", null,
                Map.of("candidateNumber", "26449999999999", "password", "x", "agreementAccepted", true));
        ResponseEntity<String> wrong = f.post("/api/candidate/session", null,
                Map.of("candidateNumber", c.number(), "password", "x", "agreementAccepted", true));
        assertError(unknown, 401, "auth.bad_credentials");
        assertThat(wrong.getBody()).isEqualTo(unknown.getBody());
        // Five failures per number: after the first, four are left, and the candidate is told so.
        assertThat(f.tree(wrong).get("message").asText()).isEqualTo("考生号或密码错误，还可尝试 4 次");
        assertThat(f.tree(wrong).get("messageEn").asText()).isEqualTo("Wrong candidate number or password; 4 tries left");
        assertThat(f.tree(wrong).at("/details/0/field").asText()).isEqualTo("triesLeft");
        assertThat(f.tree(wrong).at("/details/0/message").asText()).isEqualTo("4");
        assertError(f.post("/api/candidate/session", null,
                Map.of("candidateNumber", c.number(), "password", CandidateFixture.PASSWORD, "agreementAccepted", false)),
                400, "auth.agreement_required");
        ResponseEntity<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = f.post("/api/candidate/session", null,
                    Map.of("candidateNumber", c.number(), "password", "x" + i, "agreementAccepted", true));
            assertError(last, 401, "auth.bad_credentials");
        }
        assertThat(f.tree(last).at("/details/0/message").asText()).isEqualTo("0");
        assertThat(f.tree(last).get("message").asText()).contains("尝试次数已用完");
        ResponseEntity<String> throttled = f.post("/api/candidate/session", null,
                Map.of("candidateNumber", c.number(), "password", CandidateFixture.PASSWORD, "agreementAccepted", true));
        assertError(throttled, 429, "auth.throttled");
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 900L);
        assertThat(jdbc.sql("select count(*) from login_bucket where bucket_key like ?").param("candidate-%" + c.number() + "%")
                .query(Long.class).single()).isEqualTo(2);

        assertThat(f.tree(f.get("/api/candidate/public/number-check?number=2644123", null)).get("valid").asBoolean()).isFalse();
        assertThat(f.tree(f.get("/api/candidate/public/number-check?number=26441234567890", null)).get("valid").asBoolean()).isTrue();
        JsonNode config = f.tree(f.get("/api/candidate/public/config", null));
        assertThat(config.get("attemptLimit").asInt()).isEqualTo(3);
        assertThat(config.get("agreementText").asText()).contains("条例");
        assertThat(config.get("hotlineText").asText()).contains("咨询电话");
        assertThat(config.get("reviewDays").asInt()).isEqualTo(3);
        JsonNode point = null;
        for (JsonNode p : config.get("points")) {
            if (p.get("name").asText().equals("广州市第一报考点")) {
                point = p;
            }
        }
        assertThat(point).as("the fixture's point in %s", config.get("points")).isNotNull();
        assertThat(point.get("phone").asText()).isNotBlank();
        assertThat(point.get("city").asText()).isEqualTo("广州市");
        assertThat(point.has("code")).isFalse();
    }

    @Test
    void nonIdDocumentGoesToManualReviewWhoseMaterialsCanBeResentAfterARejection() throws IOException {
        var c = f.candidate("吴九", "护照", null);
        String token = f.login(c);
        JsonNode me = f.tree(f.get("/api/candidate/me", token));
        assertThat(me.get("state").asText()).isEqualTo("MANUAL_REQUIRED");
        assertThat(me.get("route").asText()).isEqualTo("MANUAL_NON_ID_DOCUMENT");
        assertThat(me.get("automaticVerification").asBoolean()).isFalse();
        assertThat(me.get("attemptsUsed").asInt()).isZero();
        f.get("/api/candidate/me", token);
        assertThat(cases(c)).isEqualTo(1);
        assertError(f.upload("/api/candidate/photos", token, f.portrait(CandidateFixture.GENUINE), "a.jpg", "image/jpeg"), 409, "photo.manual_review");

        String base = "/api/candidate/review/materials/";
        // A passport holder is asked for the passport's photo page, never for an ID card's sides.
        assertThat(me.get("review").get("materials").findValuesAsText("kind")).containsExactly("PORTRAIT", "DOCUMENT_PAGE", "HAND_HELD");
        assertError(f.upload(base + "ID_PORTRAIT", token, jpeg(400, 300), "id.jpg", "image/jpeg"), 422, "review.material_not_applicable");
        assertError(f.upload(base + "DOCUMENT_PAGE", token, jpeg(300, 400), "id.jpg", "image/jpeg"), 422, "review.not_landscape");
        assertError(f.upload(base + "HAND_HELD", token, jpeg(300, 400), "hh.jpg", "image/jpeg"), 422, "review.not_landscape");
        assertError(f.post("/api/candidate/review/submit", token, Map.of()), 422, "review.incomplete");
        assertError(f.upload(base + "SELFIE", token, jpeg(400, 300), "x.jpg", "image/jpeg"), 404, "not_found");
        assertThat(f.upload(base + "PORTRAIT", token, f.portrait(CandidateFixture.GENUINE), "p.jpg", "image/jpeg").getStatusCode().value()).isEqualTo(200);
        assertThat(f.upload(base + "DOCUMENT_PAGE", token, jpeg(400, 300), "id.jpg", "image/jpeg").getStatusCode().value()).isEqualTo(200);
        assertThat(f.upload(base + "HAND_HELD", token, jpeg(400, 300), "hh.jpg", "image/jpeg").getStatusCode().value()).isEqualTo(200);
        JsonNode submitted = f.tree(f.post("/api/candidate/review/submit", token, Map.of()));
        assertThat(submitted.get("state").asText()).isEqualTo("MANUAL_PENDING");
        assertThat(submitted.get("status").asText()).isEqualTo("PENDING");
        assertThat(submitted.get("materials").findValuesAsText("status")).containsOnly("PRESENT");
        assertError(f.upload(base + "HAND_HELD", token, jpeg(400, 300), "hh.jpg", "image/jpeg"), 409, "review.not_open");

        // The staff side's rejection, as its service leaves the rows.
        jdbc.sql("update review_case set status = 'REJECTED', rejection_reason = '手持身份证照片不清晰', decided_at = current_timestamp where candidate_id = ?")
                .param(c.id()).update();
        jdbc.sql("update candidate set state = 'MANUAL_REJECTED' where id = ?").param(c.id()).update();
        JsonNode review = f.tree(f.get("/api/candidate/review", token));
        assertThat(review.get("rejectionReason").asText()).isEqualTo("手持身份证照片不清晰");
        // Sending the same materials again is not a correction.
        assertError(f.post("/api/candidate/review/submit", token, Map.of()), 422, "review.incomplete");
        assertThat(f.upload(base + "HAND_HELD", token, jpeg(400, 300), "hh2.jpg", "image/jpeg").getStatusCode().value()).isEqualTo(200);
        JsonNode edited = f.tree(f.get("/api/candidate/review", token));
        assertThat(edited.get("rejectionReason").asText()).isEqualTo("手持身份证照片不清晰");
        assertThat(edited.get("canSubmit").asBoolean()).isTrue();
        JsonNode resent = f.tree(f.post("/api/candidate/review/submit", token, Map.of()));
        assertThat(resent.get("state").asText()).isEqualTo("MANUAL_PENDING");
        assertThat(cases(c)).isEqualTo(2);
    }

    @Test
    void aPortraitOrientationIdShotIsRefusedAsNotLandscapeAndNothingIsStored() throws IOException {
        var c = f.candidate("冯一", "护照", null);
        String token = f.login(c);
        f.get("/api/candidate/me", token);
        long rows = photoRows();
        long files = storedFiles();
        // A real upright photo (the phone held upright) sent as the passport's photo page.
        assertError(f.upload("/api/candidate/review/materials/DOCUMENT_PAGE", token, f.portrait(CandidateFixture.GENUINE), "id.jpg", "image/jpeg"),
                422, "review.not_landscape");
        assertError(f.upload("/api/candidate/review/materials/HAND_HELD", token, jpeg(400, 400), "em.jpg", "image/jpeg"),
                422, "review.not_landscape");
        assertThat(photoRows()).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(jdbc.sql("select count(*) from review_case where candidate_id = ? and (document_page_photo_id is not null or hand_held_photo_id is not null)")
                .param(c.id()).query(Long.class).single()).isZero();
        assertThat(f.tree(f.get("/api/candidate/review", token)).get("materials").findValuesAsText("status")).containsOnly("MISSING");
    }

    @Test
    void materialPhotosOfTheOpenCaseReachTheirOwnerOnly() throws IOException {
        var a = f.candidate("褚二", "护照", null);
        var b = f.candidate("卫三", "护照", null);
        String ta = f.login(a);
        String tb = f.login(b);
        f.get("/api/candidate/me", tb);
        String base = "/api/candidate/review/materials/";
        assertError(f.get(base + "DOCUMENT_PAGE/photo", ta), 404, "not_found");
        byte[] idSide = jpeg(400, 300);
        byte[] portrait = f.portrait(CandidateFixture.GENUINE);
        assertThat(f.upload(base + "DOCUMENT_PAGE", ta, idSide, "id.jpg", "image/jpeg").getStatusCode().value()).isEqualTo(200);
        assertThat(f.upload(base + "PORTRAIT", ta, portrait, "p.jpg", "image/jpeg").getStatusCode().value()).isEqualTo(200);

        Map<String, String> urls = photoUrls(f.tree(f.get("/api/candidate/review", ta)));
        assertThat(urls.get("DOCUMENT_PAGE")).isEqualTo(base + "DOCUMENT_PAGE/photo");
        assertThat(urls.get("PORTRAIT")).isEqualTo(base + "PORTRAIT/photo");
        assertThat(urls.get("HAND_HELD")).isNull();
        ResponseEntity<byte[]> id = f.getBytes(base + "DOCUMENT_PAGE/photo", ta);
        assertThat(id.getStatusCode().value()).isEqualTo(200);
        assertThat(id.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(id.getHeaders().getCacheControl()).contains("no-store").contains("private");
        assertThat(id.getBody()).isEqualTo(idSide);
        assertThat(f.getBytes(base + "portrait/photo", ta).getBody()).isEqualTo(portrait);
        assertError(f.get(base + "HAND_HELD/photo", ta), 404, "not_found");
        assertError(f.get(base + "SELFIE/photo", ta), 404, "not_found");

        assertError(f.get(base + "DOCUMENT_PAGE/photo", tb), 404, "not_found");
        assertError(f.get(base + "PORTRAIT/photo", tb), 404, "not_found");
        assertThat(photoUrls(f.tree(f.get("/api/candidate/review", tb)))).isEmpty();
        assertError(f.get(base + "DOCUMENT_PAGE/photo", null), 401, "auth.required");
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values ('rev-materials', '审核员', 'x', 'REVIEWER')").update();
        long staff = jdbc.sql("select id from staff_account where username = 'rev-materials'").query(Long.class).single();
        assertError(f.get(base + "DOCUMENT_PAGE/photo", tokens.issue(AuthenticatedUser.Kind.STAFF, staff, Duration.ofHours(1))),
                403, "auth.forbidden");

        // A decided case is no longer open: its photos are the reviewers' business, not the app's.
        jdbc.sql("update review_case set status = 'REJECTED', rejection_reason = '不清晰', decided_at = current_timestamp where candidate_id = ?")
                .param(a.id()).update();
        jdbc.sql("update candidate set state = 'MANUAL_REJECTED' where id = ?").param(a.id()).update();
        assertError(f.get(base + "DOCUMENT_PAGE/photo", ta), 404, "not_found");
        assertThat(photoUrls(f.tree(f.get("/api/candidate/review", ta)))).isEmpty();
    }

    private static Map<String, String> photoUrls(JsonNode review) {
        Map<String, String> urls = new java.util.TreeMap<>();
        review.get("materials").forEach(m -> {
            if (m.hasNonNull("photoUrl")) {
                urls.put(m.get("kind").asText(), m.get("photoUrl").asText());
            }
        });
        return urls;
    }

    @Test
    void rareNameIsWarnedAndMayChooseManualReviewAtOnce() {
        var c = f.candidate("王\uD840\uDC00", "ID_CARD", CandidateFixture.REFERENCE);
        String token = f.login(c);
        JsonNode me = f.tree(f.get("/api/candidate/me", token));
        assertThat(me.get("rareName").asBoolean()).isTrue();
        assertThat(me.get("route").asText()).isEqualTo("RARE_NAME_WARNING");
        assertThat(me.get("rareNameWarning").asText()).contains("生僻字");
        JsonNode requested = f.tree(f.post("/api/candidate/review/request", token, Map.of()));
        assertThat(requested.get("state").asText()).isEqualTo("MANUAL_REQUIRED");
        assertThat(requested.get("reason").asText()).isEqualTo("RARE_NAME");
        f.post("/api/candidate/review/request", token, Map.of());
        assertThat(cases(c)).isEqualTo(1);

        var plain = f.candidate("郑十", "ID_CARD", CandidateFixture.REFERENCE);
        assertError(f.post("/api/candidate/review/request", f.login(plain), Map.of()), 409, "review.not_eligible");
    }

    private long cases(CandidateFixture.Candidate c) {
        return jdbc.sql("select count(*) from review_case where candidate_id = ?").param(c.id()).query(Long.class).single();
    }

    private long photoRows() {
        return jdbc.sql("select count(*) from photo").query(Long.class).single();
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private void assertError(ResponseEntity<String> r, int status, String code) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        JsonNode body = f.tree(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("messageEn").asText()).isNotBlank();
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        return h;
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 210, 220));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(width / 8, height / 8, width / 3, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
