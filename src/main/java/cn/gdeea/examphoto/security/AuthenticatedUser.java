package cn.gdeea.examphoto.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is calling: a candidate (考生) or a staff member, with the registration points (报考点) a
 * reviewer may see. Controllers take it with {@code @AuthenticationPrincipal}.
 *
 * @param name candidate number for a candidate, username for staff
 * @param pointCodes the reviewer's registration points; empty for candidates and admins
 */
public record AuthenticatedUser(Kind kind, long id, String name, Role role, Set<String> pointCodes) {

    public AuthenticatedUser {
        pointCodes = Set.copyOf(pointCodes);
    }

    public enum Kind { CANDIDATE, STAFF }

    public enum Role { CANDIDATE, REVIEWER, ADMIN }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this staff member may see the candidates of a registration point. */
    public boolean mayAccessPoint(String pointCode) {
        return role == Role.ADMIN || (role == Role.REVIEWER && pointCodes.contains(pointCode));
    }

    /**
     * The points a listing is restricted to: the requested one if the caller may see it, else every
     * point of a reviewer; {@code null} means "all" (an admin without a filter). A requested point
     * outside the caller's scope yields an empty list, which matches nothing.
     */
    public List<String> pointFilter(String requested) {
        if (requested != null && !requested.isBlank()) {
            return mayAccessPoint(requested) ? List.of(requested) : List.of();
        }
        return isAdmin() ? null : List.copyOf(pointCodes);
    }

    /** How this actor is named in audit and state records, e.g. {@code staff:wang} or {@code candidate}. */
    public String actor() {
        return kind == Kind.STAFF ? "staff:" + name : "candidate";
    }

    List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
}
