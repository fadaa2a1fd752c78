package cn.gdeea.examphoto.web;

import cn.gdeea.examphoto.image.ImageRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a request into {@link ApiError}, and never leaks a stack trace or an ID number. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return answer.body(e.toError());
    }

    @ExceptionHandler(ImageRejectedException.class)
    ResponseEntity<ApiError> image(ImageRejectedException e) {
        HttpStatus status = e.code().startsWith("image.too_large") ? HttpStatus.PAYLOAD_TOO_LARGE
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return error(status, e.code(), e.messageZh(), e.messageEn(), List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<ApiError.Detail> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.Detail(f.getField(), f.getDefaultMessage())).toList();
        return error(HttpStatus.BAD_REQUEST, "request.invalid", "请求内容有误", "The request is invalid", details);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> violated(ConstraintViolationException e) {
        List<ApiError.Detail> details = e.getConstraintViolations().stream()
                .map(v -> new ApiError.Detail(v.getPropertyPath().toString(), v.getMessage())).toList();
        return error(HttpStatus.BAD_REQUEST, "request.invalid", "请求内容有误", "The request is invalid", details);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "request.malformed", "请求格式错误", "The request body is malformed", List.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> missing(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "request.invalid", "请求缺少内容或内容有误",
                "A request parameter is missing or invalid", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large", "上传的文件太大", "The upload is too large", List.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UploadLimitFilter.TooLarge) {
                return tooLarge(null);
            }
        }
        return error(HttpStatus.BAD_REQUEST, "request.malformed", "上传内容格式错误", "The upload is malformed", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported_media_type", "不支持的内容类型",
                "Unsupported content type", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "request.method_not_allowed", "不支持的请求方法",
                "Method not allowed", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "not_found", "未找到", "Not found", List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiException.forbidden().toError());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (ApiErrorController.databaseBusy(e)) {
            log.warn("Database connection pool exhausted on {} {}", request.getMethod(), request.getRequestURI());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(ApiErrorController.of(HttpStatus.SERVICE_UNAVAILABLE));
        }
        // The class and where it was thrown, never the message: messages (SQL ones above all) may
        // carry personal data.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("Unexpected {} at {} on {} {}", e.getClass().getName(), at, request.getMethod(),
                request.getRequestURI());
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "系统繁忙，请稍后再试",
                "Something went wrong; please try again later", List.of());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String zh, String en,
                                                  List<ApiError.Detail> details) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, zh, en, details));
    }
}
