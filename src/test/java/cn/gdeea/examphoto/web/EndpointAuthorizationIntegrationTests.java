package cn.gdeea.examphoto.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.staff.StaffFixture;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint the application maps — found at run time, so a new endpoint cannot slip
 * past — refuses callers of the wrong kind: anonymous callers get 401 (except the few public
 * ones), candidates get 403 on staff and admin endpoints, staff 403 on candidate endpoints,
 * reviewers 403 on admin endpoints. Each refusal has the one error shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointAuthorizationIntegrationTests {

    private static final Set<String> PUBLIC = Set.of("POST /api/candidate/session", "POST /api/staff/session",
            "GET /api/candidate/public/config", "GET /api/candidate/public/number-check");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PhotoRecords photos;

    @Autowired
    TokenService tokens;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate tx;

    private String candidateToken;
    private String reviewerToken;
    private String adminToken;

    @BeforeEach
    void callers() {
        StaffFixture fx = new StaffFixture(jdbc, photos, tokens, encoder, tx);
        String point = fx.point("广州市");
        long candidate = fx.candidate(point, "ID_CARD", "44010620000101001X", "NOT_STARTED");
        candidateToken = fx.candidateToken(candidate);
        reviewerToken = fx.token(fx.staff("REVIEWER", point));
        adminToken = fx.token(fx.staff("ADMIN"));
    }

    @Test
    void everyApiEndpointRefusesCallersOfTheWrongKind() {
        List<String> endpoints = endpoints();
        assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = parts[1].replaceAll("\\{[^}]+}", "1");
            boolean candidateApi = path.startsWith("/api/candidate/");
            boolean adminApi = path.startsWith("/api/admin/");
            if (!PUBLIC.contains(endpoint)) {
                expect(wrong, endpoint, method, path, null, 401);
            }
            if (candidateApi && !PUBLIC.contains(endpoint)) {
                expect(wrong, endpoint, method, path, reviewerToken, 403);
                expect(wrong, endpoint, method, path, adminToken, 403);
            }
            if (!candidateApi && !PUBLIC.contains(endpoint)) {
                expect(wrong, endpoint, method, path, candidateToken, 403);
            }
            if (adminApi) {
                expect(wrong, endpoint, method, path, reviewerToken, 403);
            }
        }
        assertThat(wrong).as("endpoints that answered a wrong caller otherwise").isEmpty();
        System.out.println("Authorisation sweep: " + endpoints.size() + " endpoints, all refuse wrong callers");
    }

    private void expect(List<String> wrong, String endpoint, HttpMethod method, String path, String token, int status) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        ResponseEntity<ApiError> r = http.exchange(path, method, new HttpEntity<>("{}", headers), ApiError.class);
        ApiError body = r.getBody();
        boolean shaped = body != null && body.code() != null && body.message() != null && body.status() == status;
        if (r.getStatusCode().value() != status || !shaped) {
            wrong.add(endpoint + " as " + (token == null ? "anonymous" : who(token)) + " → " + r.getStatusCode().value());
        }
    }

    private String who(String token) {
        return Map.of(candidateToken, "candidate", reviewerToken, "reviewer", adminToken, "admin").get(token);
    }

    private List<String> endpoints() {
        List<String> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(m.name() + " " + pattern);
                }
            }
        }
        all.sort(null);
        return all;
    }
}
