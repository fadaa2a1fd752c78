package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration points' consultation phone numbers (咨询电话), which candidates see in the app;
 * the points themselves come with the roster.
 */
@Tag(name = "admin-points", description = "Registration points' phone numbers (admin only)")
@RestController
@RequestMapping("/api/admin/points")
class PointAdminController {

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ,、转/]{3,40}");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PointAdminController(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Operation(summary = "Change a registration point's phone number (audited)")
    @PatchMapping("/{code}")
    @Transactional
    public StaffAccounts.Point update(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable String code,
                                      @RequestBody PointChange change) {
        String phone = change == null || change.phone() == null ? "" : change.phone().trim();
        if (!PHONE.matcher(phone).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "请填写有效的电话号码",
                    "Enter a valid phone number", List.of(new ApiError.Detail("phone", "3–40 位数字、+ - ( ) 或空格")));
        }
        String before = jdbc.sql("select phone from registration_point where code = ?").param(code)
                .query(String.class).optional().orElseThrow(() -> ApiException.notFound("报考点"));
        jdbc.sql("update registration_point set phone = ? where code = ?").params(phone, code).update();
        audit.record(admin, "point.update", null, code, "phone: " + before + " -> " + phone);
        return jdbc.sql("select code, name, city, phone from registration_point where code = ?").param(code)
                .query((rs, n) -> new StaffAccounts.Point(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    record PointChange(String phone) {
    }
}
