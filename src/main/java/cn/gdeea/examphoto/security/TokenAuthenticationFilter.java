package cn.gdeea.examphoto.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} against {@link TokenService} on every request. */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final TokenService tokens;
    private final JdbcClient jdbc;

    TokenAuthenticationFilter(TokenService tokens, JdbcClient jdbc) {
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        bearer(request).flatMap(tokens::resolve).flatMap(this::load).ifPresent(user -> {
            var auth = new UsernamePasswordAuthenticationToken(user, null, user.authorities());
            SecurityContextHolder.getContext().setAuthentication(auth);
        });
        chain.doFilter(request, response);
    }

    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private Optional<AuthenticatedUser> load(TokenService.TokenOwner owner) {
        if (owner.kind() == AuthenticatedUser.Kind.CANDIDATE) {
            return jdbc.sql("select candidate_number from candidate where id = ?").param(owner.id())
                    .query((rs, n) -> new AuthenticatedUser(owner.kind(), owner.id(), rs.getString(1),
                            AuthenticatedUser.Role.CANDIDATE, java.util.Set.of()))
                    .optional();
        }
        return jdbc.sql("select username, role from staff_account where id = ? and enabled").param(owner.id())
                .query((rs, n) -> new AuthenticatedUser(owner.kind(), owner.id(), rs.getString(1),
                        AuthenticatedUser.Role.valueOf(rs.getString(2)), new HashSet<>(points(owner.id()))))
                .optional();
    }

    private java.util.List<String> points(long staffId) {
        return jdbc.sql("select point_code from staff_point where staff_id = ?").param(staffId)
                .query(String.class).list();
    }
}
