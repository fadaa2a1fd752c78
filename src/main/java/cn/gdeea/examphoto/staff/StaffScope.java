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
        Optional<String> point = jdbc.sql("select point_code from candidate where id = ?").param(candidateId)
                .query(String.class).optional();
        if (point.isEmpty() || !user.mayAccessPoint(point.get())) {
            throw ApiException.notFound("考生");
        }
        return point.get();
    }
}
