package cn.gdeea.examphoto.security;

import cn.gdeea.examphoto.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Stateless: every request carries a bearer token, nothing lives in one node's
 * memory, and since no cookie authenticates, cross-site request forgery has nothing to ride on.
 * Candidates reach {@code /api/candidate/**}, staff {@code /api/staff/**}, admins also
 * {@code /api/admin/**}; per-point and per-candidate rules are enforced by the services.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** Only in the server: the batch commands run a non-web context, where there is no HTTP to secure. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, JdbcClient jdbc, ObjectMapper json) throws Exception {
        return http
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenAuthenticationFilter(tokens, jdbc), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/candidate/session", "/api/staff/session").permitAll()
                        .requestMatchers("/api/candidate/public/**").permitAll()
                        .requestMatchers("/api/candidate/**").hasRole("CANDIDATE")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/staff/**").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers("/api/**").denyAll()
                        // In production these are on the management port only (management.server.port).
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/actuator/swagger-ui", "/actuator/swagger-ui/**",
                                "/actuator/openapi", "/actuator/openapi/**").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> write(res, json, new ApiError(401,
                                "auth.required", "请先登录", "Please log in", null)))
                        .accessDeniedHandler((req, res, ex) -> write(res, json, new ApiError(403,
                                "auth.forbidden", "无权访问", "Access denied", null))))
                .build();
    }

    /**
     * Paths are matched as path patterns on the whole request path: there are two dispatcher
     * servlets (the bulk-upload one of {@code web/MultipartLimits}), which Spring Security's
     * default matcher refuses to guess between.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** bcrypt; hashes imported from the registration system in bcrypt form are taken as they are. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }
}
