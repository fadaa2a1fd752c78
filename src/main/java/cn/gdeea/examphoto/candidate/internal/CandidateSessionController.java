package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.settings.Setting;
import cn.gdeea.examphoto.settings.SettingsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "candidate session", description = "考生登录")
@RestController
@RequestMapping("/api/candidate")
class CandidateSessionController {

    private final Sessions sessions;
    private final SettingsService settings;
    private final JdbcClient jdbc;

    CandidateSessionController(Sessions sessions, SettingsService settings, JdbcClient jdbc) {
        this.sessions = sessions;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Login page settings: number format, texts, attempt limit, the points' phone numbers")
    @GetMapping("/public/config")
    PublicConfig config() {
        // The points' numbers are printed on the exam notices already: public, and few (one row per 报考点).
        List<PointPhone> points = jdbc.sql("select city, name, phone from registration_point where phone <> '' order by city, name")
                .query((rs, n) -> new PointPhone(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return new PublicConfig(settings.get(Setting.CANDIDATE_NUMBER_PATTERN), settings.get(Setting.CANDIDATE_NUMBER_HINT),
                settings.get(Setting.FORGOT_PASSWORD_TEXT), settings.get(Setting.AGREEMENT_TEXT), settings.attemptLimit(),
                settings.get(Setting.HOTLINE_TEXT), Integer.parseInt(settings.get(Setting.REVIEW_DAYS)), points);
    }

    @Operation(summary = "Checks a candidate number's format as typed (never whether it exists)")
    @GetMapping("/public/number-check")
    NumberCheck numberCheck(@RequestParam(defaultValue = "") String number) {
        if (settings.candidateNumberPattern().matcher(number.trim()).matches()) {
            return new NumberCheck(true, "", "");
        }
        return new NumberCheck(false, settings.get(Setting.CANDIDATE_NUMBER_HINT),
                "The candidate number does not have the expected format");
    }

    @Operation(summary = "Login with candidate number and password; returns a bearer token")
    @PostMapping("/session")
    Sessions.Session login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return sessions.login(body.candidateNumber(), body.password(), Boolean.TRUE.equals(body.agreementAccepted()),
                request.getRemoteAddr());
    }

    @Operation(summary = "Logout: revokes the token")
    @DeleteMapping("/session")
    ResponseEntity<Void> logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        sessions.logout(authorization.substring(Math.min(7, authorization.length())).trim());
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code hotlineText}: the "咨询电话" note shown before login, when the registration point is not yet
     * known, above {@code points}, every point's number; {@code reviewDays}: how long a manual review takes.
     */
    record PublicConfig(String numberPattern, String numberHint, String forgotPasswordText, String agreementText,
                        int attemptLimit, String hotlineText, int reviewDays, List<PointPhone> points) {
    }

    /** A registration point's 咨询电话. */
    record PointPhone(String city, String name, String phone) {
    }

    record NumberCheck(boolean valid, String message, String messageEn) {
    }

    record LoginRequest(@NotBlank @Size(max = 32) String candidateNumber, @NotBlank @Size(max = 200) String password,
                        @NotNull Boolean agreementAccepted) {
    }
}
