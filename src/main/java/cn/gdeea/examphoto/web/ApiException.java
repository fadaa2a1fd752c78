package cn.gdeea.examphoto.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the API answers with {@link ApiError}: thrown anywhere below a controller, it becomes
 * its status and the one error shape. Messages must never contain an ID number.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final List<ApiError.Detail> details;
    private long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String messageZh, String messageEn) {
        this(status, code, messageZh, messageEn, List.of());
    }

    public ApiException(HttpStatus status, String code, String messageZh, String messageEn,
                        List<ApiError.Detail> details) {
        super(code + ": " + messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.details = List.copyOf(details);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "未找到" + what, what + " not found");
    }

    public static ApiException conflict(String code, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.CONFLICT, code, messageZh, messageEn);
    }

    public static ApiException badRequest(String code, String messageZh, String messageEn) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, messageZh, messageEn);
    }

    public static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden", "无权访问", "Access denied");
    }

    /** Sends {@code Retry-After} with the answer (429 throttled, 503 busy): whole seconds, at least 1. */
    public ApiException retryAfter(java.time.Duration wait) {
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return this;
    }

    /** Seconds for {@code Retry-After}, or 0 when the answer carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(status.value(), code, messageZh, messageEn, details);
    }
}
