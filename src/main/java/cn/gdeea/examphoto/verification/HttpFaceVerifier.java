package cn.gdeea.examphoto.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter for an external verification service (e.g. the identity registry's 人证核验 service):
 * POSTs {@code {"name", "idNumber", "photo": base64 JPEG}} as JSON and reads
 * {@code {"score", "match", "reason", "threshold"?}}. The service holds the reference itself, so
 * it needs no roster photo. A timeout, a non-2xx status or an unreadable answer gives
 * {@link #SERVICE_ERROR} — no decision, so the caller does not count it as an attempt.
 */
public final class HttpFaceVerifier implements FaceVerifier {

    public static final String SERVICE_ERROR = "service_error";
    private static final Logger log = LoggerFactory.getLogger(HttpFaceVerifier.class);

    private final HttpVerifierSettings settings;
    private final HttpClient client;
    private final ObjectMapper json;

    public HttpFaceVerifier(HttpVerifierSettings settings, ObjectMapper json) {
        if (settings.url() == null) {
            throw new IllegalStateException("examphoto.verification.http.url must be set for examphoto.verification.type=http");
        }
        this.settings = settings;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    static final String ID = "http";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsReference() {
        return false;
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        return verifyJpeg(request.identity(), request.probeJpeg().get());
    }

    /** Verifies a photo already encoded as JPEG (the standard photo), without re-encoding it. */
    public VerificationResult verifyJpeg(CandidateIdentity candidate, byte[] jpeg) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", candidate.name());
            body.put("idNumber", candidate.documentNumber());
            body.put("photo", Base64.getEncoder().encodeToString(jpeg));
            HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                log.warn("Verification service answered HTTP {}", response.statusCode());
                return error();
            }
            JsonNode answer = json.readTree(response.body());
            JsonNode score = answer == null ? null : answer.get("score");
            JsonNode match = answer == null ? null : answer.get("match");
            if (score == null || !score.isNumber() || match == null || !match.isBoolean()) {
                log.warn("Verification service answered without a numeric score and a boolean match");
                return error();
            }
            String reason = answer.path("reason").asText("");
            if (!match.asBoolean() && reason.isBlank()) {
                reason = VerificationResult.BELOW_THRESHOLD;
            }
            double threshold = answer.path("threshold").isNumber() ? answer.get("threshold").asDouble() : Double.NaN;
            return new VerificationResult(score.asDouble(), match.asBoolean(), threshold, match.asBoolean() ? "" : reason);
        } catch (IOException e) {
            // Never the message: it may echo the request. The class says timeout, refused or malformed.
            log.warn("Verification service failed: {}", e.getClass().getSimpleName());
            return error();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error();
        }
    }

    private static VerificationResult error() {
        return VerificationResult.undecided(SERVICE_ERROR, Double.NaN);
    }
}
