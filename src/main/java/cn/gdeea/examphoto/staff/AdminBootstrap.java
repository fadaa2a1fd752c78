package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.web.ApiException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first admin account (首个管理员) of a production installation, which starts with none and no
 * known password: {@code bin/examphoto create-admin} creates it once; with an admin present it
 * refuses unless forced (the recovery of a lost admin password). The server says at start-up
 * when there is no admin yet.
 */
@Service
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{3,60}$");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public AdminBootstrap(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    /**
     * Creates the admin {@code username} (or, forced, resets that account to an enabled admin with
     * a new password).
     *
     * @param password the password, or null for a generated one (shown once, in the result)
     * @throws ApiException {@code staff.admin_exists} when an enabled admin exists and not forced
     */
    @Transactional
    public Created create(String username, String password, boolean force) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw ApiException.badRequest("staff.username_invalid", "用户名须为3–60位字母、数字或 . _ -",
                    "The username must have 3 to 60 letters, digits or . _ -");
        }
        String secret = password == null ? generated() : password;
        if (secret.length() < 10 || secret.length() > 72) {
            throw ApiException.badRequest("staff.password_invalid", "管理员密码须为 10–72 个字符",
                    "The admin password must have 10 to 72 characters");
        }
        if (adminExists() && !force) {
            throw ApiException.conflict("staff.admin_exists", "已有管理员账号；如需重置请加 --force",
                    "An admin account exists already; add --force to reset one");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int reset = jdbc.sql("update staff_account set password_hash = ?, role = 'ADMIN', enabled = true where username = ?")
                .params(encoder.encode(secret), name).update();
        if (reset == 0) {
            jdbc.sql("insert into staff_account (username, display_name, password_hash, role, enabled, created_at) values (?, ?, ?, 'ADMIN', true, ?)")
                    .params(name, "管理员 " + name, encoder.encode(secret), now).update();
        }
        audit.record(null, reset == 0 ? "staff.create_admin" : "staff.reset_admin", null, null,
                "username=" + name + "; by=bin/examphoto create-admin");
        return new Created(name, password == null ? secret : null, reset == 0);
    }

    /** Whether an enabled admin account exists. */
    public boolean adminExists() {
        return jdbc.sql("select count(*) from staff_account where role = 'ADMIN' and enabled").query(Long.class).single() > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhenThereIsNoAdmin() {
        if (!adminExists()) {
            log.warn("No admin account yet: create the first one with `bin/examphoto create-admin --username NAME` "
                    + "(prints a generated password once)");
        }
    }

    private String generated() {
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The admin created or reset; {@code generatedPassword} is null when the caller chose the password. */
    public record Created(String username, String generatedPassword, boolean created) {
    }
}
