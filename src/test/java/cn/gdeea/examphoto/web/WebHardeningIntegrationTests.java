package cn.gdeea.examphoto.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.Browsers;
import cn.gdeea.examphoto.support.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Safe defaults seen from outside: security headers and the one error shape on every answer,
 * filter-level ones included; no generated Spring Security user; client addresses taken from
 * {@code X-Forwarded-For} only from a trusted proxy; both front ends working under the CSP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebHardeningIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @Test
    void everyAnswerCarriesCspAndReferrerPolicyAndTheOneErrorShape() throws Exception {
        List<HttpRequest> requests = List.of(
                get("/candidate/"), get("/staff/"),
                get("/api/candidate/me"),                                              // 401
                get("/no-such-file.txt"),                                              // 404
                HttpRequest.newBuilder(uri("/api/candidate/public/config")).DELETE().build(),
                HttpRequest.newBuilder(uri("/api/candidate/photos")).header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[21 << 20])).build(),   // 413 in a filter
                HttpRequest.newBuilder(uri("/api/candidate/session")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"candidateNumber\":\"1\",\"password\":\"x\",\"agreementAccepted\":true}")).build());
        List<Integer> statuses = new ArrayList<>();
        for (HttpRequest r : requests) {
            HttpResponse<String> answer = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            statuses.add(answer.statusCode());
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
                            .contains("frame-ancestors 'none'"));
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(r.uri().toString()).contains("no-referrer");
            if (answer.statusCode() >= 400) {
                assertThat(answer.body()).as(r.uri().toString()).startsWith("{\"status\":" + answer.statusCode() + ",\"code\":\"")
                        .contains("\"message\":").contains("\"messageEn\":").doesNotContain("timestamp");
            }
        }
        assertThat(statuses).containsExactly(200, 200, 401, 404, 405, 413, 401);
    }

    @Test
    void printsNoGeneratedPasswordBecauseThereIsNoInMemoryUser() {
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void takesTheClientAddressFromXForwardedForOnlyFromATrustedProxy() throws Exception {
        // The test client connects from loopback, which is the default trusted proxy: its header counts.
        HTTP.send(HttpRequest.newBuilder(uri("/api/candidate/session")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString("{\"candidateNumber\":\"26440000000001\",\"password\":\"x\",\"agreementAccepted\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jdbc.sql("select count(*) from login_bucket where bucket_key = 'candidate-address:203.0.113.9'")
                .query(Long.class).single()).isOne();
        // Any other peer is not a proxy: the default pattern admits loopback only.
        String pattern = context.getEnvironment().getProperty("server.tomcat.remoteip.internal-proxies");
        for (String peer : List.of("10.0.0.5", "192.168.1.20", "172.16.0.1", "100.64.0.1", "169.254.1.1")) {
            assertThat(peer.matches(pattern)).as(peer).isFalse();
        }
        assertThat("127.0.0.1".matches(pattern)).isTrue();
    }

    @Test
    void bothFrontEndsRunUnderTheContentSecurityPolicy() {
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright, null)) {
            for (String app : List.of("/candidate/", "/staff/")) {
                try (BrowserContext c = Browsers.desktop(browser, "http://127.0.0.1:" + port)) {
                    Page page = c.newPage();
                    List<String> violations = new ArrayList<>();
                    page.onConsoleMessage(m -> {
                        // Vant's icon font names a CDN copy after its inline one: blocking that
                        // request is the policy working (nothing is fetched from outside).
                        if (m.text().contains("Content Security Policy") && !m.text().contains("Loading the font 'http")) {
                            violations.add(m.text());
                        }
                    });
                    page.navigate(app);
                    page.waitForSelector("#app > *");
                    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                    assertThat(page.locator("#app").innerText()).as(app).isNotBlank();
                    assertThat(violations).as(app).isEmpty();
                }
            }
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
