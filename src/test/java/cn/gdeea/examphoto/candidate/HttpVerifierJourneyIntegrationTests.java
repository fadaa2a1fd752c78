package cn.gdeea.examphoto.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
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
 * The whole candidate journey with {@code examphoto.verification.type=http}: an external
 * verification service (a stub HTTP server started here) holds the reference itself, so a
 * candidate without a roster photo is verified automatically. Its errors and timeouts spend no
 * attempt and tell the candidate to try again; its decisions are recorded with its own threshold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpVerifierJourneyIntegrationTests {

    /** What the stub answers next. */
    enum Answer { MATCH, NON_MATCH, ERROR, SLOW, GARBAGE }

    static final AtomicReference<Answer> NEXT = new AtomicReference<>(Answer.MATCH);
    static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer SERVICE = start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
        registry.add("examphoto.verification.type", () -> "http");
        registry.add("examphoto.verification.http.url",
                () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort() + "/verify");
        registry.add("examphoto.verification.http.timeout", () -> "PT1S");
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    @Autowired JdbcClient jdbc;
    @Autowired PhotoRecords photos;
    @Autowired TransactionTemplate tx;
    @Autowired PasswordEncoder encoder;
    @Autowired FaceEngine engine;
    @Autowired TestRestTemplate http;

    CandidateFixture f;

    @BeforeEach
    void setUp() {
        f = new CandidateFixture(jdbc, photos, tx, encoder, engine, http);
        RECEIVED.clear();
    }

    @Test
    void aCandidateWithoutARosterPhotoIsVerifiedByTheServiceAndItsFailuresCostNothing() {
        var c = f.candidate("陈一", "ID_CARD", null);
        String token = f.login(c);
        JsonNode me = f.tree(f.get("/api/candidate/me", token));
        assertThat(me.get("route").asText()).isEqualTo("AUTOMATIC");
        assertThat(me.get("state").asText()).isEqualTo("NOT_STARTED");

        long first = upload(token);
        String verify = "/api/candidate/submissions/" + first + "/verification";
        for (Answer failure : List.of(Answer.ERROR, Answer.SLOW, Answer.GARBAGE)) {
            NEXT.set(failure);
            ResponseEntity<String> r = f.post(verify, token, Map.of());
            assertThat(r.getStatusCode().value()).as(failure + " " + r.getBody()).isEqualTo(503);
            assertThat(f.tree(r).get("code").asText()).isEqualTo("verification.service_error");
            assertThat(f.tree(r).get("message").asText()).contains("稍后再试").contains("不计核验次数");
        }
        assertThat(used(c)).isZero();
        assertThat(jdbc.sql("select count(*) from verification_attempt where candidate_id = ?").param(c.id())
                .query(Integer.class).single()).isZero();

        NEXT.set(Answer.NON_MATCH);
        JsonNode failed = f.tree(f.post(verify, token, Map.of()));
        assertThat(failed.get("match").asBoolean()).isFalse();
        assertThat(failed.get("spent").asBoolean()).isTrue();
        assertThat(failed.get("verifier").asText()).isEqualTo("http");
        assertThat(failed.get("threshold").asDouble()).isEqualTo(0.8);
        assertThat(failed.get("attemptsLeft").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select verifier || ' ' || threshold || ' ' || reason from verification_attempt where candidate_id = ?")
                .param(c.id()).query(String.class).single()).isEqualTo("http 0.8 not_same_person");
        JsonNode request = RECEIVED.get(RECEIVED.size() - 1);
        assertThat(request.get("name").asText()).isEqualTo("陈一");
        assertThat(request.get("idNumber").asText()).isEqualTo("44010620080101001X");
        byte[] photo = Base64.getDecoder().decode(request.get("photo").asText());
        assertThat(photo[0] & 0xff).isEqualTo(0xFF);
        assertThat(photo[1] & 0xff).isEqualTo(0xD8);

        long second = upload(token);
        NEXT.set(Answer.MATCH);
        JsonNode passed = f.tree(f.post("/api/candidate/submissions/" + second + "/verification", token, Map.of()));
        assertThat(passed.get("match").asBoolean()).isTrue();
        assertThat(passed.get("state").asText()).isEqualTo("VERIFIED");
        assertThat(passed.get("attemptsLeft").asInt()).isEqualTo(2);
        JsonNode confirmed = f.tree(f.post("/api/candidate/submissions/" + second + "/confirmation", token, Map.of()));
        assertThat(confirmed.get("state").asText()).isEqualTo("COLLECTED");
        assertThat(used(c)).isEqualTo(1);
    }

    private long upload(String token) {
        ResponseEntity<String> r = f.upload("/api/candidate/photos", token, f.portrait(CandidateFixture.GENUINE), "a.jpg", "image/jpeg");
        JsonNode body = f.tree(r);
        assertThat(body.get("pass").asBoolean()).as(r.getBody()).isTrue();
        return body.get("submissionId").asLong();
    }

    private int used(CandidateFixture.Candidate c) {
        return jdbc.sql("select attempts_used from candidate where id = ?").param(c.id()).query(Integer.class).single();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ObjectMapper json = new ObjectMapper();
            server.createContext("/verify", exchange -> {
                RECEIVED.add(json.readTree(exchange.getRequestBody()));
                Answer answer = NEXT.get();
                int status = answer == Answer.ERROR ? 500 : 200;
                String body = switch (answer) {
                    case MATCH -> "{\"score\":0.93,\"match\":true,\"threshold\":0.8}";
                    case NON_MATCH -> "{\"score\":0.31,\"match\":false,\"reason\":\"not_same_person\",\"threshold\":0.8}";
                    case ERROR -> "{\"error\":\"internal\"}";
                    case SLOW -> "{\"score\":0.93,\"match\":true}";
                    case GARBAGE -> "<html>bad gateway</html>";
                };
                if (answer == Answer.SLOW) {
                    try {
                        Thread.sleep(2500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                } catch (IOException ignored) {
                    // the client gave up (the timeout case)
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
