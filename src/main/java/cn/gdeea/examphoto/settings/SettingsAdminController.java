package cn.gdeea.examphoto.settings;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin-settings", description = "Run-time settings (admin only)")
@RestController
@RequestMapping("/api/admin/settings")
class SettingsAdminController {

    private static final int AUDIT_VALUE_CHARS = 800;

    private final SettingsService settings;
    private final AuditLog audit;

    SettingsAdminController(SettingsService settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Operation(summary = "Every setting with its effective value")
    @GetMapping
    List<SettingView> list() {
        var values = settings.all();
        return Arrays.stream(Setting.values()).map(s -> view(s, values.get(s))).toList();
    }

    @Operation(summary = "Change one setting (validated, audited)")
    @PutMapping("/{key}")
    @Transactional
    public SettingView update(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable String key,
                              @RequestBody NewValue body) {
        Setting setting = Setting.byKey(key).orElseThrow(() -> ApiException.notFound("设置项"));
        String before = settings.get(setting);
        settings.update(setting, body.value(), admin.actor());
        String after = settings.get(setting);
        audit.record(admin, "settings.update", null, null,
                "key=" + key + "; old=" + clip(before) + "; new=" + clip(after));
        return view(setting, after);
    }

    private static String clip(String v) {
        return v.length() <= AUDIT_VALUE_CHARS ? v : v.substring(0, AUDIT_VALUE_CHARS) + "…";
    }

    private static SettingView view(Setting s, String value) {
        return new SettingView(s.key(), value, s.type().name(), s.labelZh(), s.labelEn(), s.builtIn());
    }

    /** One setting as the console edits it. */
    record SettingView(String key, String value, String type, String labelZh, String labelEn, String builtIn) {
    }

    record NewValue(String value) {
    }
}
