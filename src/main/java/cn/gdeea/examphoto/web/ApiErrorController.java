package cn.gdeea.examphoto.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page (a failure in a filter, before any controller:
 * a database that does not answer while a token is checked, a body the container refused) is
 * answered in the one error shape too, in place of Spring Boot's default error body.
 */
@RestController
class ApiErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorController.class);

    @RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (databaseBusy(failure)) {
            // The connection pool is exhausted: the node is overloaded, not broken; the client retries.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_JSON).body(of(HttpStatus.SERVICE_UNAVAILABLE));
        }
        if (failure instanceof Throwable t) {
            // The class only, never the message: messages (SQL ones above all) may carry personal data.
            log.error("Unexpected {} before a controller on {}", t.getClass().getName(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(of(status));
    }

    static boolean databaseBusy(Object failure) {
        for (Throwable t = failure instanceof Throwable f ? f : null; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static ApiError of(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new ApiError(404, "not_found", "未找到", "Not found", null);
            case METHOD_NOT_ALLOWED -> new ApiError(405, "request.method_not_allowed", "不支持的请求方法", "Method not allowed", null);
            case PAYLOAD_TOO_LARGE -> new ApiError(413, "request.too_large", "上传的内容太大", "The upload is too large", null);
            case UNAUTHORIZED -> new ApiError(401, "auth.required", "请先登录", "Please log in", null);
            case FORBIDDEN -> new ApiError(403, "auth.forbidden", "无权访问", "Access denied", null);
            case SERVICE_UNAVAILABLE -> new ApiError(503, "server.busy", "系统繁忙，请稍后再试",
                    "The server is busy; please try again shortly", null);
            default -> status.is4xxClientError()
                    ? new ApiError(status.value(), "request.invalid", "请求有误", "The request is invalid", null)
                    : new ApiError(status.value(), "server.error", "系统繁忙，请稍后再试",
                            "Something went wrong; please try again later", null);
        };
    }
}
