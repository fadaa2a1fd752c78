package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.LoginThrottle;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.web.ApiException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff login (审核员、管理员登录): bcrypt check, throttling, a bearer token, an audit entry. */
@Service
public class StaffLogin {

    static final Duration SESSION = Duration.ofHours(8);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final StaffLoginThrottle throttle;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    /** Compared against when the username is unknown, so both failures take the same time. */
    private final String decoyHash;

    public StaffLogin(JdbcClient jdbc, PasswordEncoder encoder, TokenService tokens, StaffLoginThrottle throttle,
                      StaffAccounts accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.tokens = tokens;
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
        this.decoyHash = encoder.encode("decoy-password-never-used");
    }

    /**
     * Not one transaction: the throttle's reservation must commit before the password is checked,
     * and stay when the login fails.
     */
    public Session login(String username, String password, String address) {
        String name = username == null ? "" : username.trim();
        LoginThrottle.Attempt attempt = throttle.reserve(name, address == null ? "?" : address);
        Optional<Account> account = jdbc.sql("select id, password_hash, enabled, role from staff_account where username = ?")
                .param(name)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
        boolean matches = encoder.matches(password == null ? "" : password, account.map(Account::hash).orElse(decoyHash));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.bad_credentials", "用户名或密码错误",
                    "Wrong username or password");
        }
        attempt.succeeded();
        long id = account.get().id();
        String token = tokens.issue(AuthenticatedUser.Kind.STAFF, id, SESSION);
        StaffAccounts.Me me = accounts.me(id);
        audit.record(new AuthenticatedUser(AuthenticatedUser.Kind.STAFF, id, me.username(),
                AuthenticatedUser.Role.valueOf(account.get().role()), new HashSet<>()), "staff.login", null, null, null);
        return new Session(token, OffsetDateTime.now(ZoneOffset.UTC).plus(SESSION), me);
    }

    @Transactional
    public void logout(AuthenticatedUser user, String token) {
        tokens.revoke(token);
        audit.record(user, "staff.logout", null, null, null);
    }

    private record Account(long id, String hash, boolean enabled, String role) {
    }

    /** A new staff session. */
    public record Session(String token, OffsetDateTime expiresAt, StaffAccounts.Me me) {
    }
}
