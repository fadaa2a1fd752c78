package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
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
}
