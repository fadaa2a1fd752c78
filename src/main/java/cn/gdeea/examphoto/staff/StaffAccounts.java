package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts (工作人员账号): reviewers bound to registration points (报考点) and provincial
 * admins. Every change is audited; disabling an account or changing its password ends its sessions.
 */
@Service
public class StaffAccounts {

    static final int MIN_PASSWORD = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,60}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final AuditLog audit;

    public StaffAccounts(JdbcClient jdbc, PasswordEncoder encoder, TokenService tokens, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** The logged-in staff member and their points. */
    public Me me(long staffId) {
        return jdbc.sql("select username, display_name, role from staff_account where id = ?").param(staffId)
                .query((rs, n) -> new Me(rs.getString(1), rs.getString(2), rs.getString(3), pointsOf(staffId)))
                .optional().orElseThrow(() -> ApiException.notFound("账号"));
    }

    /** The registration points the caller works for (admin: all). */
    public List<Point> points(AuthenticatedUser user) {
        if (user.isAdmin()) {
            return jdbc.sql("select code, name, city, phone from registration_point order by city, code")
                    .query(StaffAccounts::point).list();
        }
        return pointsOf(user.id());
    }

    public List<Account> list() {
        Map<Long, List<String>> points = new java.util.HashMap<>();
        jdbc.sql("select staff_id, point_code from staff_point order by point_code").query(rs -> {
            points.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.sql("select id, username, display_name, role, enabled, created_at from staff_account order by username")
                .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), points.getOrDefault(rs.getLong(1), List.of()),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    public Account get(long id) {
        return list().stream().filter(a -> a.id() == id).findFirst().orElseThrow(() -> ApiException.notFound("账号"));
    }

    @Transactional
    public Account create(AuthenticatedUser admin, NewAccount request) {
        List<ApiError.Detail> problems = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new ApiError.Detail("username", "用户名须为3–60位字母、数字或 . _ -"));
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 100) {
            problems.add(new ApiError.Detail("displayName", "姓名不能为空"));
        }
        checkPassword(request.password(), problems);
        AuthenticatedUser.Role role = role(request.role(), problems);
        Set<String> points = checkPoints(request.points(), role, problems);
        fail(problems);
        if (jdbc.sql("select count(*) from staff_account where username = ?").param(username).query(Long.class).single() > 0) {
            throw ApiException.conflict("staff.username_taken", "用户名已被使用", "The username is taken");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role, enabled, created_at) values (?, ?, ?, ?, true, ?)")
                .params(username, request.displayName().trim(), encoder.encode(request.password()), role.name(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        setPoints(id, points);
        audit.record(admin, "staff.create", null, null,
                "username=" + username + "; role=" + role + "; points=" + String.join(",", points));
        return get(id);
    }

    @Transactional
    public Account update(AuthenticatedUser admin, long id, AccountChange change) {
        Account before = get(id);
        List<ApiError.Detail> problems = new ArrayList<>();
        if (change.displayName() != null && (change.displayName().isBlank() || change.displayName().length() > 100)) {
            problems.add(new ApiError.Detail("displayName", "姓名不能为空"));
        }
        if (change.password() != null) {
            checkPassword(change.password(), problems);
        }
        AuthenticatedUser.Role role = change.role() == null ? AuthenticatedUser.Role.valueOf(before.role())
                : role(change.role(), problems);
        Set<String> points = change.points() == null ? new LinkedHashSet<>(before.points())
                : checkPoints(change.points(), role, problems);
        if (change.points() == null && role == AuthenticatedUser.Role.REVIEWER && points.isEmpty()) {
            problems.add(new ApiError.Detail("points", "审核员至少需要一个报考点"));
        }
        fail(problems);
        boolean disabling = Boolean.FALSE.equals(change.enabled());
        if (id == admin.id() && (disabling || role != AuthenticatedUser.Role.ADMIN)) {
            throw ApiException.conflict("staff.self_lockout", "不能停用自己的账号或取消自己的管理员角色",
                    "You cannot disable your own account or drop your own admin role");
        }
        List<String> changed = new ArrayList<>();
        if (change.displayName() != null && !change.displayName().trim().equals(before.displayName())) {
            jdbc.sql("update staff_account set display_name = ? where id = ?").params(change.displayName().trim(), id).update();
            changed.add("displayName: " + before.displayName() + " -> " + change.displayName().trim());
        }
        if (!role.name().equals(before.role())) {
            jdbc.sql("update staff_account set role = ? where id = ?").params(role.name(), id).update();
            changed.add("role: " + before.role() + " -> " + role);
        }
        if (!points.equals(new LinkedHashSet<>(before.points()))) {
            jdbc.sql("delete from staff_point where staff_id = ?").param(id).update();
            setPoints(id, points);
            changed.add("points: " + String.join(",", before.points()) + " -> " + String.join(",", points));
        }
        if (change.enabled() != null && change.enabled() != before.enabled()) {
            jdbc.sql("update staff_account set enabled = ? where id = ?").params(change.enabled(), id).update();
            changed.add("enabled: " + before.enabled() + " -> " + change.enabled());
        }
        if (change.password() != null) {
            jdbc.sql("update staff_account set password_hash = ? where id = ?").params(encoder.encode(change.password()), id).update();
            changed.add("password changed");
        }
        if (disabling || change.password() != null) {
            tokens.revokeAll(AuthenticatedUser.Kind.STAFF, id);
        }
        audit.record(admin, "staff.update", null, null, "username=" + before.username() + "; " + String.join("; ", changed));
        return get(id);
    }

    private void checkPassword(String password, List<ApiError.Detail> problems) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 72 || password.isBlank()) {
            problems.add(new ApiError.Detail("password", "密码须为8–72个字符"));
        }
    }

    private static AuthenticatedUser.Role role(String value, List<ApiError.Detail> problems) {
        if ("REVIEWER".equals(value) || "ADMIN".equals(value)) {
            return AuthenticatedUser.Role.valueOf(value);
        }
        problems.add(new ApiError.Detail("role", "角色须为 REVIEWER 或 ADMIN"));
        return AuthenticatedUser.Role.REVIEWER;
    }

    private Set<String> checkPoints(List<String> requested, AuthenticatedUser.Role role, List<ApiError.Detail> problems) {
        Set<String> points = new LinkedHashSet<>(requested == null ? List.of() : requested);
        if (role == AuthenticatedUser.Role.REVIEWER && points.isEmpty()) {
            problems.add(new ApiError.Detail("points", "审核员至少需要一个报考点"));
        }
        if (!points.isEmpty()) {
            Set<String> known = jdbc.sql("select code from registration_point where code in (:codes)").param("codes", points)
                    .query(String.class).set();
            List<String> unknown = points.stream().filter(p -> !known.contains(p)).toList();
            if (!unknown.isEmpty()) {
                problems.add(new ApiError.Detail("points", "未知报考点：" + String.join(",", unknown)));
            }
        }
        return points;
    }

    private void setPoints(long id, Set<String> points) {
        for (String p : points) {
            jdbc.sql("insert into staff_point (staff_id, point_code) values (?, ?)").params(id, p).update();
        }
    }

    private static void fail(List<ApiError.Detail> problems) {
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "请求内容有误", "The request is invalid", problems);
        }
    }

    private List<Point> pointsOf(long staffId) {
        return jdbc.sql("""
                select p.code, p.name, p.city, p.phone from registration_point p
                join staff_point s on s.point_code = p.code where s.staff_id = ? order by p.city, p.code""")
                .param(staffId).query(StaffAccounts::point).list();
    }

    private static Point point(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Point(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** The caller as the console shows them. */
    public record Me(String username, String displayName, String role, List<Point> points) {
    }

    /** 报考点: a registration point. */
    public record Point(String code, String name, String city, String phone) {
    }

    /** A staff account as admins see it (never the password hash). */
    public record Account(long id, String username, String displayName, String role, boolean enabled,
                          List<String> points, OffsetDateTime createdAt) {
    }

    public record NewAccount(String username, String displayName, String password, String role, List<String> points) {
    }

    /** Fields left null stay as they are. */
    public record AccountChange(String displayName, String role, List<String> points, Boolean enabled, String password) {
    }

}
