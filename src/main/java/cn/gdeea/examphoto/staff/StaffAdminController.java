package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin-staff", description = "Staff accounts (admin only)")
@RestController
@RequestMapping("/api/admin/staff")
class StaffAdminController {

    private final StaffAccounts accounts;

    StaffAdminController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Every staff account")
    @GetMapping
    List<StaffAccounts.Account> list() {
        return accounts.list();
    }

    @Operation(summary = "Create a reviewer or admin account")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffAccounts.Account create(@AuthenticationPrincipal AuthenticatedUser admin, @RequestBody StaffAccounts.NewAccount request) {
        return accounts.create(admin, request);
    }

    @Operation(summary = "Change name, role, points, password or enabled; disabling ends the sessions")
    @PatchMapping("/{id}")
    StaffAccounts.Account update(@AuthenticationPrincipal AuthenticatedUser admin, @PathVariable long id,
                                 @RequestBody StaffAccounts.AccountChange change) {
        return accounts.update(admin, id, change);
    }
}
