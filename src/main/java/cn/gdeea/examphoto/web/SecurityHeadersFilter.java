package cn.gdeea.examphoto.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Content-Security-Policy} and {@code Referrer-Policy} on every response, set before any
 * other filter runs, so that the answers of filters ahead of Spring Security (413 of
 * {@link UploadLimitFilter}) carry them too. The default policy fits the two Vite-built front ends:
 * their pages load module scripts and stylesheets from {@code /assets/} only (no inline script);
 * styles set by Vant and Element Plus at run time need {@code 'unsafe-inline'} styles; photos
 * are shown from {@code blob:} URLs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String DEFAULT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final String policy;
    private final String referrerPolicy;

    SecurityHeadersFilter(@Value("${examphoto.web.content-security-policy:" + DEFAULT_POLICY + "}") String policy,
                          @Value("${examphoto.web.referrer-policy:no-referrer}") String referrerPolicy) {
        this.policy = policy;
        this.referrerPolicy = referrerPolicy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Referrer-Policy", referrerPolicy);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
