package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which candidates a staff member may see: a reviewer only those of their registration points
 * (报考点), an admin all. Anything outside the scope is answered as "not found", so that its
 * existence does not leak to another point's reviewer.
 */
@Service
public class StaffScope {

    private final JdbcClient jdbc;

    public StaffScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate's registration point, or 404 when there is no such candidate or it is out of scope. */
    public String requireCandidate(AuthenticatedUser user, long candidateId) {
        return pointInScope(user, candidateId).orElseThrow(() -> ApiException.notFound("考生"));
    }

    /** The candidate's registration point when the candidate exists and is in the caller's scope. */
    public Optional<String> pointInScope(AuthenticatedUser user, long candidateId) {
        return jdbc.sql("select point_code from candidate where id = ?").param(candidateId)
                .query(String.class).optional().filter(user::mayAccessPoint);
    }

    /**
     * The points a listing is restricted to: the requested one if the caller may see it, else every
     * point of a reviewer; {@code null} means "all" (an admin without a filter). A requested point
     * outside the caller's scope yields an empty list, which matches nothing.
     */
    public List<String> points(AuthenticatedUser user, String requested) {
        if (requested != null && !requested.isBlank()) {
            return user.mayAccessPoint(requested) ? List.of(requested) : List.of();
        }
        return user.isAdmin() ? null : List.copyOf(user.pointCodes());
    }
}
