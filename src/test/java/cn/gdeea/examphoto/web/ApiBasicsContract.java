package cn.gdeea.examphoto.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gdeea.examphoto.settings.Setting;
import cn.gdeea.examphoto.settings.SettingsService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every client relies on, whatever the database: health and metrics, the OpenAPI
 * description, the one error shape for anonymous and forged requests, run-time settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
abstract class ApiBasicsContract {

    @Autowired
    TestRestTemplate http;

    @LocalManagementPort
    int managementPort;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsHealthAndPrometheusMetricsOnTheManagementPortOnly() {
        ResponseEntity<Map> health = management("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        String metrics = management("/actuator/prometheus", String.class).getBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("hikaricp_connections_active");
        // The balancer's probes stay on the application port; metrics are not there.
        assertThat(http.getForEntity("/readyz", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/livez", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<ApiError> public_ = http.getForEntity("/actuator/prometheus", ApiError.class);
        assertThat(public_.getStatusCode().is4xxClientError()).isTrue();
        assertThat(public_.getBody().code()).isNotBlank();
    }

    @Test
    void hidesActuatorEndpointsThatExposeInternals() {
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(http.getForEntity("/actuator/heapdump", String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(management("/actuator/env", String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(management("/actuator/heapdump", String.class).getStatusCode().is4xxClientError()).isTrue();
    }

    @Test
    void servesTheOpenApiDescriptionAndSwaggerUiOnTheManagementPortOnly() {
        ResponseEntity<Map> docs = management("/actuator/openapi", Map.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).containsKeys("openapi", "paths", "components");
        ResponseEntity<String> ui = management("/actuator/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private <T> ResponseEntity<T> management(String path, Class<T> type) {
        return http.getForEntity("http://127.0.0.1:" + managementPort + path, type);
    }

    @Test
    void answersAnonymousAndForgedRequestsWithTheErrorShape() {
        ResponseEntity<ApiError> anonymous = http.getForEntity("/api/candidate/me", ApiError.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody().code()).isEqualTo("auth.required");
        assertThat(anonymous.getBody().message()).isEqualTo("请先登录");
        assertThat(anonymous.getBody().messageEn()).isEqualTo("Please log in");

        HttpHeaders forged = new HttpHeaders();
        forged.setBearerAuth("not-a-token-anyone-was-given");
        for (String path : new String[] {"/api/candidate/me", "/api/staff/me", "/api/admin/settings"}) {
            ResponseEntity<ApiError> r = http.exchange(path, HttpMethod.GET, new HttpEntity<>(forged), ApiError.class);
            assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(r.getBody().code()).as(path).isEqualTo("auth.required");
        }
    }

    @Test
    void refusesOversizedBodiesBeforeReadingThemButLetsRosterFilesThrough() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM);
        byte[] body = new byte[21 * 1024 * 1024];
        ResponseEntity<ApiError> photo = http.exchange("/api/candidate/photos", HttpMethod.POST,
                new HttpEntity<>(body, headers), ApiError.class);
        assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(photo.getBody().code()).isEqualTo("request.too_large");

        // The roster import accepts large files: this one gets as far as the login check.
        ResponseEntity<ApiError> roster = http.exchange("/api/admin/roster-imports", HttpMethod.POST,
                new HttpEntity<>(body, headers), ApiError.class);
        assertThat(roster.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesUnknownApiPathsWithoutSayingWhatExists() {
        ResponseEntity<ApiError> r = http.getForEntity("/api/nothing-here", ApiError.class);
        assertThat(r.getStatusCode().is4xxClientError()).isTrue();
        assertThat(r.getBody().code()).startsWith("auth.");
    }

    @Test
    void settingsFallBackToDefaultsAndRefuseInvalidValues() {
        assertThat(settings.attemptLimit()).isEqualTo(3);
        assertThat(settings.candidateNumberPattern().matcher("26440101123456").matches()).isTrue();
        assertThat(settings.candidateNumberPattern().matcher("26450101123456").matches()).isFalse();

        assertThatThrownBy(() -> settings.update(Setting.ATTEMPT_LIMIT, "zero", "staff:test"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> settings.update(Setting.CANDIDATE_NUMBER_PATTERN, "([", "staff:test"))
                .isInstanceOf(ApiException.class);
        assertThat(jdbc.sql("select count(*) from setting").query(Long.class).single()).isZero();

        settings.update(Setting.ATTEMPT_LIMIT, "5", "staff:test");
        assertThat(settings.attemptLimit()).isEqualTo(5);
        settings.update(Setting.ATTEMPT_LIMIT, "3", "staff:test");
        assertThat(settings.attemptLimit()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from setting").query(Long.class).single()).isOne();
    }
}
