package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code Idempotency-Key}: a phone that lost the answer to a request sends it again with the same
 * key, and gets the first answer back instead of a second submission or a second spent attempt.
 * The key is reserved in the database before the work starts, so a repeat arriving while the first
 * is still running is told to wait, on whichever node it lands. A failed request releases its key:
 * the repeat then runs again and fails the same way, having changed nothing. Spring has no such
 * facility for MVC, hence this small one.
 */
@Service
class Idempotency {

    static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** A reservation older than this without an answer belongs to a request whose node died. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Idempotency(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Runs {@code work} once per candidate and key. {@code fingerprint} identifies the request
     * (endpoint and body): the same key with another request is refused.
     */
    <T> T once(long candidateId, String key, String fingerprint, Class<T> type, Supplier<T> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        String k = key.trim();
        if (!KEY.matcher(k).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "idempotency.invalid_key",
                    "请求标识无效", "The Idempotency-Key header must be 1–100 letters, digits or _.:-",
                    List.of(new ApiError.Detail(HEADER, "1–100 [A-Za-z0-9_.:-]")));
        }
        String print = sha256(fingerprint);
        Optional<T> earlier = reserve(candidateId, k, print, type);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            jdbc.sql("delete from idempotent_request where candidate_id = ? and idem_key = ? and response_body is null")
                    .params(candidateId, k).update();
            throw e;
        }
        jdbc.sql("update idempotent_request set response_status = 200, response_body = ? where candidate_id = ? and idem_key = ?")
                .params(write(result), candidateId, k).update();
        return result;
    }

    /** Reserves the key, or returns the answer already given for it. */
    private <T> Optional<T> reserve(long candidateId, String key, String print, Class<T> type) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            jdbc.sql("insert into idempotent_request (candidate_id, idem_key, fingerprint, created_at) values (?, ?, ?, ?)")
                    .params(candidateId, key, print, now).update();
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            // Seen before: replay, refuse, or take over an abandoned reservation below.
        }
        Stored stored = jdbc.sql("select fingerprint, response_body, created_at from idempotent_request where candidate_id = ? and idem_key = ?")
                .params(candidateId, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .optional()
                .orElseThrow(IdempotentRequestInProgress::new);
        if (!stored.fingerprint().equals(print)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key_reused",
                    "该请求标识已用于另一请求", "This Idempotency-Key was already used for a different request");
        }
        if (stored.body() != null) {
            return Optional.of(read(stored.body(), type));
        }
        int taken = jdbc.sql("update idempotent_request set created_at = ? where candidate_id = ? and idem_key = ? and response_body is null and created_at = ? and created_at < ?")
                .params(now, candidateId, key, stored.createdAt(), now.minus(ABANDONED)).update();
        if (taken == 1) {
            return Optional.empty();
        }
        throw new IdempotentRequestInProgress();
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer of an idempotent request is unreadable", e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String fingerprint, String body, OffsetDateTime createdAt) {
    }

    /** The first request with this key is still being processed. */
    static final class IdempotentRequestInProgress extends ApiException {
        IdempotentRequestInProgress() {
            super(HttpStatus.CONFLICT, "idempotency.in_progress", "请求正在处理中，请稍候再试",
                    "The same request is still being processed; try again in a moment");
        }
    }
}
