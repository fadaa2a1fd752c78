package cn.gdeea.examphoto.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The one login-throttling policy (SPEC §9) for candidates and staff, with its default limits:
 * parallel tries over real HTTP are held to the limit because the token is reserved in the
 * shared database before the password is checked; staff are throttled per account and address,
 * with a per-account back-off that spares the addresses an account logs in from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class LoginThrottleContract {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String PASSWORD = "Right#2026pw";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    @Test
    void thirtyParallelWrongCandidateLoginsAreCheckedAtMostFiveTimes() throws Exception {
        String number = candidate();
        Map<Integer, Integer> statuses = parallel(30, i -> candidateLogin(number, "wrong-" + i));
        System.out.println("30 parallel wrong candidate logins: " + statuses);
        assertThat(statuses.getOrDefault(401, 0)).isEqualTo(5);
        assertThat(statuses.getOrDefault(429, 0)).isEqualTo(25);
    }

    @Test
    void rightCandidatePasswordAmongTwentyNineWrongOnesGetsNoTokenPastTheLimit() throws Exception {
        String number = candidate();
        List<HttpResponse<String>> answers = new ArrayList<>();
        Map<Integer, Integer> statuses = parallel(30, i -> {
            HttpResponse<String> r = candidateLogin(number, i == 29 ? PASSWORD : "wrong-" + i);
            synchronized (answers) {
                answers.add(r);
            }
            return r;
        });
        System.out.println("29 wrong + 1 right candidate logins in parallel: " + statuses);
        assertThat(statuses.getOrDefault(401, 0) + statuses.getOrDefault(200, 0)).isLessThanOrEqualTo(5);
        assertThat(statuses.getOrDefault(429, 0)).isGreaterThanOrEqualTo(25);
        for (HttpResponse<String> r : answers) {
            if (r.statusCode() == 429) {
                assertThat(r.body()).contains("\"code\":\"auth.throttled\"");
                assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
            }
        }
    }

    @Test
    void thirtyParallelWrongStaffLoginsAreCheckedAtMostFiveTimes() throws Exception {
        String username = staff();
        Map<Integer, Integer> statuses = parallel(30, i -> send("/api/staff/session",
                "{\"username\":\"" + username + "\",\"password\":\"wrong-" + i + "\"}"));
        System.out.println("30 parallel wrong staff logins: " + statuses);
        assertThat(statuses.getOrDefault(401, 0)).isEqualTo(5);
        assertThat(statuses.getOrDefault(429, 0)).isEqualTo(25);
    }

    @Test
    void successfulLoginsDoNotCount() throws Exception {
        String number = candidate();
        for (int i = 0; i < 8; i++) {
            assertThat(candidateLogin(number, PASSWORD).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(candidateLogin(number, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(candidateLogin(number, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void failuresFromOneAddressDoNotLockTheStaffAccountOutOfAnother() throws Exception {
        String username = staff();
        for (int i = 0; i < 5; i++) {
            assertThat(staffLogin(username, "wrong-" + i, "10.9.0.1").getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult throttled = staffLogin(username, "password-x", "10.9.0.1");
        assertThat(throttled.getResponse().getStatus()).isEqualTo(429);
        assertThat(throttled.getResponse().getHeader("Retry-After")).isNotNull();
        assertThat(staffLogin(username, PASSWORD, "10.9.0.1").getResponse().getStatus()).isEqualTo(429);
        assertThat(staffLogin(username, PASSWORD, "10.9.0.2").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void failuresSpreadOverManyAddressesBackOffTheAccountButNotWhereItLogsInFrom() throws Exception {
        String username = staff();
        assertThat(staffLogin(username, PASSWORD, "10.8.0.1").getResponse().getStatus()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            assertThat(staffLogin(username, "wrong", "10.7." + (i / 4) + "." + i).getResponse().getStatus()).isEqualTo(401);
        }
        MvcResult elsewhere = staffLogin(username, PASSWORD, "10.6.0.1");
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(elsewhere.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(staffLogin(username, PASSWORD, "10.8.0.1").getResponse().getStatus()).isEqualTo(200);
    }

    private MvcResult staffLogin(String username, String password, String address) throws Exception {
        return mvc.perform(post("/api/staff/session").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn();
    }

    private HttpResponse<String> candidateLogin(String number, String password) throws Exception {
        return send("/api/candidate/session", "{\"candidateNumber\":\"" + number + "\",\"password\":\"" + password
                + "\",\"agreementAccepted\":true}");
    }

    private HttpResponse<String> send(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        HttpResponse<String> run(int i) throws Exception;
    }

    private static Map<Integer, Integer> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.run(k);
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<HttpResponse<String>> f : futures) {
            statuses.merge(f.get().statusCode(), 1, Integer::sum);
        }
        pool.shutdown();
        return statuses;
    }

    private String candidate() {
        String number = String.format("26449%09d", SEQ.incrementAndGet());
        jdbc.sql("insert into registration_point (code, name, city, phone) select 'T4401', '广州市测试报考点', '广州市', '020-1' "
                + "where not exists (select 1 from registration_point where code = 'T4401')").update();
        jdbc.sql("""
                insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash, rare_name)
                values (?, '赵一', 'ID_CARD', '44010620080101001X', '广州市', 'T4401', ?, false)""")
                .params(number, encoder.encode(PASSWORD)).update();
        return number;
    }

    private String staff() {
        String username = "throttled" + SEQ.incrementAndGet();
        jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values (?, ?, ?, 'ADMIN')")
                .params(username, "管理员", encoder.encode(PASSWORD)).update();
        return username;
    }
}
