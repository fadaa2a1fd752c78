package cn.gdeea.examphoto.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.storage.PhotoRecords;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * The attempt limit (SPEC §3, §9) under concurrency, over real HTTP: twenty simultaneous
 * verification requests of an impostor's photo consume exactly the three attempts.
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
    void rejectsFourthAttemptEvenWhenTwentyAreSubmittedConcurrently() throws Exception {
        var c = fixture.candidate("张三", "ID_CARD", CandidateFixture.REFERENCE);
        String token = fixture.login(c);
        ResponseEntity<String> upload = fixture.upload("/api/candidate/photos", token,
                fixture.portrait(CandidateFixture.IMPOSTOR), "me.jpg", "image/jpeg");
        assertThat(upload.getStatusCode().value()).as(upload.getBody()).isEqualTo(200);
        JsonNode checked = fixture.tree(upload);
        assertThat(checked.get("pass").asBoolean()).as(upload.getBody()).isTrue();
        long submission = checked.get("submissionId").asLong();

        int requests = 20;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return fixture.post("/api/candidate/submissions/" + submission + "/verification", token, Map.of());
            }));
        }
        start.countDown();
        Map<String, Integer> statuses = new TreeMap<>();
        int attemptsReturned = 0;
        for (Future<ResponseEntity<String>> f : answers) {
            ResponseEntity<String> r = f.get();
            JsonNode body = fixture.tree(r);
            String key = r.getStatusCode().value() + " " + (r.getStatusCode().is2xxSuccessful()
                    ? "match=" + body.get("match").asBoolean() : body.get("code").asText());
            statuses.merge(key, 1, Integer::sum);
            if (r.getStatusCode().is2xxSuccessful()) {
                attemptsReturned++;
                assertThat(body.get("match").asBoolean()).isFalse();
            } else {
                assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(409);
            }
        }
        pool.shutdown();

        int used = jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single();
        int rows = jdbc.sql("select count(*) from verification_attempt where candidate_id = ?").param(c.id()).query(Integer.class).single();
        String state = jdbc.sql("select state from candidate where id = ?").param(c.id()).query(String.class).single();
        int cases = jdbc.sql("select count(*) from review_case where candidate_id = ?").param(c.id()).query(Integer.class).single();
        List<Integer> numbers = jdbc.sql("select attempt_no from verification_attempt where candidate_id = ? order by attempt_no")
                .param(c.id()).query(Integer.class).list();
        System.out.printf("ATTEMPT LIMIT (%s): %d concurrent requests -> attempts consumed %d, attempt rows %d %s, "
                        + "state %s, review cases %d, statuses %s%n",
                getClass().getSimpleName(), requests, used, rows, numbers, state, cases, statuses);

        assertThat(used).isEqualTo(3);
        assertThat(rows).isEqualTo(3);
        assertThat(numbers).containsExactly(1, 2, 3);
        assertThat(attemptsReturned).isEqualTo(3);
        assertThat(state).isEqualTo("MANUAL_REQUIRED");
        assertThat(cases).isEqualTo(1);
        assertThat(jdbc.sql("select reason || '/' || status from review_case where candidate_id = ?").param(c.id())
                .query(String.class).single()).isEqualTo("ATTEMPTS_EXHAUSTED/AWAITING_MATERIALS");
    }
}
