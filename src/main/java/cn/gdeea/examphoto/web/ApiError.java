package cn.gdeea.examphoto.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error shape of the API: a stable {@code code} for programs, a message for people in
 * zh-CN and English, and, for row- or field-level problems, the details.
 *
 * @param status  the HTTP status, repeated for clients that only see the body
 * @param code    stable machine-readable code, e.g. {@code auth.bad_credentials}, {@code image.corrupt}
 * @param message what to tell the user, in zh-CN
 * @param messageEn the same in English
 * @param details field or row errors, when there are several
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String code, String message, String messageEn, List<Detail> details) {

    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** One field's problem. */
    public record Detail(String field, String message) {
    }
}
