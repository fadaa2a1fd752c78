package cn.gdeea.examphoto.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin-audit", description = "The audit trail (admin only)")
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private static final int MAX_LIMIT = 500;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit entries, newest first; page with before = the last id seen")
    @GetMapping
    List<AuditLog.AuditEntry> list(@RequestParam(required = false) Long candidateId,
                                   @RequestParam(required = false) String action,
                                   @RequestParam(required = false) String actor,
                                   @RequestParam(required = false) Long before,
                                   @RequestParam(defaultValue = "50") int limit) {
        return audit.recent(candidateId, action, actor, Math.max(1, Math.min(limit, MAX_LIMIT)), before == null ? Long.MAX_VALUE : before);
    }
}
