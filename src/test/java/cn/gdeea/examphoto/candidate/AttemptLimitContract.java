package cn.gdeea.examphoto.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.storage.PhotoRecords;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attempt limit and repeated requests (SPEC §3, §9, §10) under concurrency, over real HTTP: a
 * verification repeated twenty times at once is decided once; twenty verifications of different
 * impostor photos at once consume exactly the three attempts; an upload retried with its
 * {@code Idempotency-Key} creates one submission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AttemptLimitContract {

    @Autowired JdbcClient jdbc;
    @Autowired PhotoRecords photos;
    @Autowired TransactionTemplate tx;
    @Autowired PasswordEncoder encoder;
    @Autowired FaceEngine engine;
    @Autowired TestRestTemplate http;

    CandidateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CandidateFixture(jdbc, photos, tx, encoder, engine, http);
    }

    @Test
    void aVerificationRepeatedTwentyTimesAtOnceIsDecidedOnceAndSpendsOneAttempt() throws Exception {
        var c = fixture.candidate("张三", "ID_CARD", CandidateFixture.REFERENCE);
        String token = fixture.login(c);
        long submission = impostorUpload(token);

        List<ResponseEntity<String>> answers = atOnce(20,
                i -> () -> fixture.post("/api/candidate/submissions/" + submission + "/verification", token, Map.of()));
        int spent = 0;
        for (ResponseEntity<String> r : answers) {
            assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
            JsonNode body = fixture.tree(r);
            assertThat(body.get("match").asBoolean()).isFalse();
            assertThat(body.get("attemptNo").asInt()).isEqualTo(1);
            assertThat(body.get("attemptsLeft").asInt()).isEqualTo(2);
            spent += body.get("spent").asBoolean() ? 1 : 0;
        }
        assertThat(spent).isEqualTo(1);
        assertThat(used(c)).isEqualTo(1);
        assertThat(attemptRows(c)).isEqualTo(1);
        assertThat(state(c)).isEqualTo("PHOTO_CHECKED");
    }

    @Test
    void rejectsFourthAttemptEvenWhenTwentyAreSubmittedConcurrently() throws Exception {
        var c = fixture.candidate("张三", "ID_CARD", CandidateFixture.REFERENCE);
        String token = fixture.login(c);
        List<Long> submissions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submissions.add(impostorUpload(token));
        }

        int requests = 20;
        List<ResponseEntity<String>> answers = atOnce(requests, i -> () -> fixture.post(
                "/api/candidate/submissions/" + submissions.get(i % submissions.size()) + "/verification", token, Map.of()));
        Map<String, Integer> statuses = new TreeMap<>();
        int spent = 0;
        for (ResponseEntity<String> r : answers) {
            JsonNode body = fixture.tree(r);
            String key = r.getStatusCode().value() + " " + (r.getStatusCode().is2xxSuccessful()
                    ? "match=" + body.get("match").asBoolean() : body.get("code").asText());
            statuses.merge(key, 1, Integer::sum);
            if (r.getStatusCode().is2xxSuccessful()) {
                assertThat(body.get("match").asBoolean()).isFalse();
                spent += body.get("spent").asBoolean() ? 1 : 0;
            } else {
                assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(409);
                assertThat(body.get("code").asText()).isEqualTo("verification.manual_review");
            }
        }
        List<Integer> numbers = jdbc.sql("select attempt_no from verification_attempt where candidate_id = ? order by attempt_no")
                .param(c.id()).query(Integer.class).list();
        int cases = jdbc.sql("select count(*) from review_case where candidate_id = ?").param(c.id()).query(Integer.class).single();
        System.out.printf("ATTEMPT LIMIT (%s): %d concurrent requests over %d submissions -> attempts consumed %d, "
                        + "attempt rows %s, state %s, review cases %d, statuses %s%n",
                getClass().getSimpleName(), requests, submissions.size(), used(c), numbers, state(c), cases, statuses);

        assertThat(used(c)).isEqualTo(3);
        assertThat(spent).isEqualTo(3);
        assertThat(numbers).containsExactly(1, 2, 3);
        assertThat(state(c)).isEqualTo("MANUAL_REQUIRED");
        assertThat(cases).isEqualTo(1);
        assertThat(jdbc.sql("select reason || '/' || status from review_case where candidate_id = ?").param(c.id())
                .query(String.class).single()).isEqualTo("ATTEMPTS_EXHAUSTED/AWAITING_MATERIALS");
    }

    @Test
    void anUploadRetriedWithItsKeyCreatesOneSubmissionAndAnotherBodyIsRefused() throws Exception {
        var c = fixture.candidate("李四", "ID_CARD", CandidateFixture.REFERENCE);
        String token = fixture.login(c);
        byte[] portrait = fixture.portrait(CandidateFixture.GENUINE);
        List<ResponseEntity<String>> answers = atOnce(10, i -> () -> fixture.upload("/api/candidate/photos", token,
                portrait, "a.jpg", "image/jpeg", "shot-1"));
        Long id = null;
        for (ResponseEntity<String> r : answers) {
            if (r.getStatusCode().value() == 409) {
                // Arrived while the first was still being checked: the app waits and sends it again.
                assertThat(fixture.tree(r).get("code").asText()).isEqualTo("idempotency.in_progress");
                continue;
            }
            assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
            long answered = fixture.tree(r).get("submissionId").asLong();
            assertThat(id == null || id == answered).isTrue();
            id = answered;
        }
        ResponseEntity<String> again = fixture.upload("/api/candidate/photos", token, portrait, "a.jpg", "image/jpeg", "shot-1");
        assertThat(fixture.tree(again).get("submissionId").asLong()).isEqualTo(id == null ? fixture.tree(again).get("submissionId").asLong() : id);
        assertThat(submissions(c)).isEqualTo(1);

        ResponseEntity<String> other = fixture.upload("/api/candidate/photos", token, fixture.portrait(CandidateFixture.IMPOSTOR),
                "b.jpg", "image/jpeg", "shot-1");
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(fixture.tree(other).get("code").asText()).isEqualTo("idempotency.key_reused");
        assertThat(submissions(c)).isEqualTo(1);

        long submission = fixture.tree(again).get("submissionId").asLong();
        String verify = "/api/candidate/submissions/" + submission + "/verification";
        JsonNode first = fixture.tree(fixture.post(verify, token, Map.of(), "verify-1"));
        JsonNode replay = fixture.tree(fixture.post(verify, token, Map.of(), "verify-1"));
        assertThat(replay).isEqualTo(first);
        String confirm = "/api/candidate/submissions/" + submission + "/confirmation";
        assertThat(fixture.post(confirm, token, Map.of(), "confirm-1").getStatusCode().value()).isEqualTo(200);
        assertThat(fixture.post(confirm, token, Map.of(), "confirm-1").getStatusCode().value()).isEqualTo(200);
        assertThat(state(c)).isEqualTo("COLLECTED");
        assertThat(used(c)).isZero();
        assertThat(fixture.tree(fixture.post(confirm, token, Map.of(), "bad key!")).get("code").asText())
                .isEqualTo("idempotency.invalid_key");
    }

    private long impostorUpload(String token) {
        ResponseEntity<String> upload = fixture.upload("/api/candidate/photos", token,
                fixture.portrait(CandidateFixture.IMPOSTOR), "me.jpg", "image/jpeg");
        assertThat(upload.getStatusCode().value()).as(upload.getBody()).isEqualTo(200);
        JsonNode checked = fixture.tree(upload);
        assertThat(checked.get("pass").asBoolean()).as(upload.getBody()).isTrue();
        return checked.get("submissionId").asLong();
    }

    private interface Request {
        Callable<ResponseEntity<String>> nth(int i);
    }

    private static List<ResponseEntity<String>> atOnce(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<ResponseEntity<String>> call = request.nth(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private int used(CandidateFixture.Candidate c) {
        return jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single();
    }

    private int attemptRows(CandidateFixture.Candidate c) {
        return jdbc.sql("select count(*) from verification_attempt where candidate_id = ?").param(c.id()).query(Integer.class).single();
    }

    private int submissions(CandidateFixture.Candidate c) {
        return jdbc.sql("select count(*) from submission where candidate_id = ?").param(c.id()).query(Integer.class).single();
    }

    private String state(CandidateFixture.Candidate c) {
        return jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single();
    }
}
