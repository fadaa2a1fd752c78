package cn.gdeea.examphoto.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The external verification adapter against a tiny local HTTP server. */
class HttpFaceVerifierTests {

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpFaceVerifier serve(int status, String reply, long delayMillis, AtomicReference<JsonNode> seen) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/verify", exchange -> {
            if (seen != null) {
                seen.set(json.readTree(exchange.getRequestBody()));
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/verify");
        return new HttpFaceVerifier(new HttpVerifierSettings(url, Duration.ofMillis(500)), json);
    }

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    @Test
    void sendsNameIdNumberAndPhotoAndReadsTheDecision() throws IOException {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        HttpFaceVerifier verifier = serve(200, "{\"score\":0.87,\"match\":true,\"reason\":\"\"}", 0, seen);
        VerificationResult r = verifier.verifyJpeg(new CandidateIdentity("张三", "44010620080101001X"), JPEG);
        assertThat(r.match()).isTrue();
        assertThat(r.score()).isEqualTo(0.87);
        assertThat(seen.get().get("name").asText()).isEqualTo("张三");
        assertThat(seen.get().get("idNumber").asText()).isEqualTo("44010620080101001X");
        assertThat(java.util.Base64.getDecoder().decode(seen.get().get("photo").asText())).isEqualTo(JPEG);
    }

    @Test
    void aRefusalKeepsTheServicesReason() throws IOException {
        HttpFaceVerifier verifier = serve(200, "{\"score\":0.12,\"match\":false,\"reason\":\"not_same_person\"}", 0, null);
        VerificationResult r = verifier.verifyJpeg(new CandidateIdentity("张三", "1"), JPEG);
        assertThat(r.match()).isFalse();
        assertThat(r.compared()).isTrue();
        assertThat(r.reason()).isEqualTo("not_same_person");
    }

    @Test
    void aSlowServiceIsAServiceErrorNotADecision() throws IOException {
        HttpFaceVerifier verifier = serve(200, "{\"score\":0.9,\"match\":true}", 2000, null);
        VerificationResult r = verifier.verifyJpeg(new CandidateIdentity("张三", "1"), JPEG);
        assertThat(r.compared()).isFalse();
        assertThat(r.reason()).isEqualTo(HttpFaceVerifier.SERVICE_ERROR);
    }

    @Test
    void malformedOrFailedRepliesAreServiceErrors() throws IOException {
        for (String reply : new String[] {"not json", "{\"match\":true}", "{\"score\":\"high\",\"match\":true}", "[]"}) {
            HttpFaceVerifier verifier = serve(200, reply, 0, null);
            VerificationResult r = verifier.verifyJpeg(new CandidateIdentity("张三", "1"), JPEG);
            assertThat(r.reason()).as(reply).isEqualTo(HttpFaceVerifier.SERVICE_ERROR);
            assertThat(r.compared()).isFalse();
            stop();
        }
        HttpFaceVerifier verifier = serve(500, "{\"score\":0.9,\"match\":true}", 0, null);
        assertThat(verifier.verifyJpeg(new CandidateIdentity("张三", "1"), JPEG).reason()).isEqualTo(HttpFaceVerifier.SERVICE_ERROR);
    }
}
