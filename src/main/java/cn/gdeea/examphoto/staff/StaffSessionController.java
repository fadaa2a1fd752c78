package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "staff", description = "Staff login and registration points")
@RestController
@RequestMapping("/api/staff")
class StaffSessionController {

    private final StaffLogin login;
    private final StaffAccounts accounts;

    StaffSessionController(StaffLogin login, StaffAccounts accounts) {
        this.login = login;
        this.accounts = accounts;
    }

    @Operation(summary = "Log in with username and password; returns a bearer token")
    @PostMapping("/session")
    StaffLogin.Session login(@RequestBody Credentials credentials, HttpServletRequest request) {
        return login.login(credentials.username(), credentials.password(), request.getRemoteAddr());
    }

    @Operation(summary = "Log out: the bearer token stops working")
    @DeleteMapping("/session")
    ResponseEntity<Void> logout(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        login.logout(user, header.substring(7).trim());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The logged-in staff member")
    @GetMapping("/me")
    StaffAccounts.Me me(@AuthenticationPrincipal AuthenticatedUser user) {
        return accounts.me(user.id());
    }

    @Operation(summary = "Registration points of the caller (admin: all)")
    @GetMapping("/points")
    List<StaffAccounts.Point> points(@AuthenticationPrincipal AuthenticatedUser user) {
        return accounts.points(user);
    }

    record Credentials(String username, String password) {
    }
}
