package cn.gdeea.examphoto.benchmark;

import cn.gdeea.examphoto.ExamPhotoApplication;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.security.TokenService;
import cn.gdeea.examphoto.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review queue's first page and a case page over HTTP with 100,000 pending manual-review cases
 * in a fresh PostgreSQL database (each case with its portrait, check report, three verification
 * attempts and history, as the candidate journey leaves them). Prints median and p90 of 50
 * requests each, for a reviewer of two points and for an admin. Target: median ≤ 300 ms.
 *
 * <pre>./mvnw -q -Dmodels.install.skip=true -Dfrontend.skip=true test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=cn.gdeea.examphoto.benchmark.ReviewQueueBenchmark</pre>
 */
public final class ReviewQueueBenchmark {

    static final int POINTS = 120;
    static final int PENDING = 100_000;
    static final int OTHERS = 200_000;
    static final int RUNS = 50;

    private ReviewQueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = TestDatabase.createPostgresDatabase();
        String photos = Files.createTempDirectory("examphoto-bench").toString();
        ConfigurableApplicationContext app = SpringApplication.run(ExamPhotoApplication.class,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.PG_USER,
                "--spring.datasource.password=" + TestDatabase.PG_PASSWORD, "--examphoto.storage.directory=" + photos,
                "--server.port=0", "--examphoto.demo.enabled=false", "--logging.level.root=WARN");
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            seed(jdbc);
            System.out.printf(Locale.ROOT, "seeded %d pending cases (+%d other candidates) in %.1f s%n",
                    PENDING, OTHERS, (System.nanoTime() - t0) / 1e9);

            long reviewerId = staff(jdbc, "bench-reviewer", "REVIEWER", "S7", "S8");
            long adminId = staff(jdbc, "bench-admin", "ADMIN");
            TokenService tokens = app.getBean(TokenService.class);
            String reviewer = tokens.issue(AuthenticatedUser.Kind.STAFF, reviewerId, Duration.ofHours(1));
            String admin = tokens.issue(AuthenticatedUser.Kind.STAFF, adminId, Duration.ofHours(1));
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            List<Long> reviewerCases = jdbc.sql("select id from review_case where point_code in ('S7', 'S8') and status = 'PENDING' order by id limit ?")
                    .param(RUNS).query(Long.class).list();
            List<Long> anyCases = jdbc.sql("select id from review_case where status = 'PENDING' order by random() limit ?")
                    .param(RUNS).query(Long.class).list();

            HttpClient http = HttpClient.newHttpClient();
            report("reviewer (2 points) queue page 0", measure(http, reviewer, i -> base + "/api/staff/review-cases?status=PENDING&page=0&size=20"));
            report("admin (all points) queue page 0", measure(http, admin, i -> base + "/api/staff/review-cases?status=PENDING&page=0&size=20"));
            report("reviewer queue search by name", measure(http, reviewer, i -> base + "/api/staff/review-cases?q=%E8%80%83%E7%94%9F7&page=0&size=20"));
            report("reviewer case page", measure(http, reviewer, i -> base + "/api/staff/review-cases/" + reviewerCases.get(i % reviewerCases.size())));
            report("admin case page", measure(http, admin, i -> base + "/api/staff/review-cases/" + anyCases.get(i % anyCases.size())));
        } finally {
            app.close();
        }
    }

    static void seed(JdbcClient jdbc) {
        jdbc.sql("""
                insert into registration_point (code, name, city, phone)
                select 'S' || g, '报考点' || g, '城市' || mod(g, 21), '020' from generate_series(1, ?) g""").param(POINTS).update();
        jdbc.sql("""
                insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash, state, attempts_used)
                select lpad(g::text, 14, '0'), '考生' || g, 'ID_CARD', '44010620080101' || lpad(mod(g, 10000)::text, 4, '0'),
                       '城市' || mod(mod(g, :points) + 1, 21), 'S' || (mod(g, :points) + 1), 'x',
                       case when g <= :pending then 'MANUAL_PENDING' when mod(g, 3) = 0 then 'COLLECTED' else 'NOT_STARTED' end,
                       case when g <= :pending then 3 else 0 end
                from generate_series(1, :all) g""")
                .param("points", POINTS).param("pending", PENDING).param("all", PENDING + OTHERS).update();
        for (String kind : new String[] {"UPLOAD", "ID_PORTRAIT", "ID_EMBLEM", "HAND_HELD"}) {
            jdbc.sql("""
                    insert into photo (candidate_id, kind, storage_key, content_type, size_bytes, width, height, sha256)
                    select id, :kind, 'bench/' || id || '/' || :kind, 'image/jpeg', 120000, 1080, 1440, md5(id::text) || md5(:kind)
                    from candidate where state = 'MANUAL_PENDING'""").param("kind", kind).update();
        }
        jdbc.sql("""
                insert into submission (candidate_id, photo_id, checks_passed, check_report, created_at)
                select p.candidate_id, p.id, false,
                       '[{"id":"glasses","pass":false,"warning":false,"value":0.8,"threshold":0.5,"message":"请摘下眼镜后重新拍摄","messageEn":"Take off your glasses","region":{"x":300,"y":420,"width":480,"height":160}},'
                       || '{"id":"sharpness","pass":true,"warning":false,"value":120,"threshold":60,"message":"","messageEn":"","region":null}]',
                       now() - interval '2 hours'
                from photo p where p.kind = 'UPLOAD'""").update();
        jdbc.sql("""
                insert into verification_attempt (candidate_id, submission_id, attempt_no, score, matched, threshold, reason, verifier, created_at)
                select s.candidate_id, s.id, n, 0.2 + n * 0.05, false, 0.45, 'NOT_MATCHED', 'embedded', s.created_at + (n || ' minutes')::interval
                from submission s cross join generate_series(1, 3) n""").update();
        jdbc.sql("""
                insert into review_case (candidate_id, point_code, reason, status, submission_id, id_portrait_photo_id,
                                         id_emblem_photo_id, hand_held_photo_id, submitted_at)
                select c.id, c.point_code, 'ATTEMPTS_EXHAUSTED', 'PENDING', s.id,
                       (select id from photo where candidate_id = c.id and kind = 'ID_PORTRAIT'),
                       (select id from photo where candidate_id = c.id and kind = 'ID_EMBLEM'),
                       (select id from photo where candidate_id = c.id and kind = 'HAND_HELD'),
                       now() - (c.id || ' seconds')::interval
                from candidate c join submission s on s.candidate_id = c.id where c.state = 'MANUAL_PENDING'""").update();
        jdbc.sql("""
                insert into candidate_event (candidate_id, from_state, to_state, actor, detail, created_at)
                select c.id, f, t, 'candidate', null, now() - interval '1 hour'
                from candidate c cross join (values ('PHOTO_CHECKED', 'MANUAL_REQUIRED'), ('MANUAL_REQUIRED', 'MANUAL_PENDING')) v(f, t)
                where c.state = 'MANUAL_PENDING'""").update();
        jdbc.sql("analyze").update();
    }

    static long staff(JdbcClient jdbc, String username, String role, String... points) {
        long id = jdbc.sql("insert into staff_account (username, display_name, password_hash, role) values (?, ?, 'x', ?) returning id")
                .params(username, username, role).query(Long.class).single();
        for (String p : points) {
            jdbc.sql("insert into staff_point (staff_id, point_code) values (?, ?)").params(id, p).update();
        }
        return id;
    }

    static double[] measure(HttpClient http, String token, IntFunction<String> url) throws Exception {
        for (int i = 0; i < 10; i++) {
            call(http, token, url.apply(i));
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call(http, token, url.apply(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static void call(HttpClient http, String token, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + new String(r.body()));
        }
    }

    static void report(String what, double[] sorted) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "median %.1f ms", sorted[sorted.length / 2]));
        parts.add(String.format(Locale.ROOT, "p90 %.1f ms", sorted[(int) Math.ceil(sorted.length * 0.9) - 1]));
        parts.add(String.format(Locale.ROOT, "max %.1f ms", sorted[sorted.length - 1]));
        System.out.printf(Locale.ROOT, "REVIEW BENCHMARK %-36s %s (n=%d, HTTP, PostgreSQL, %d pending)%n", what,
                String.join(", ", parts), sorted.length, PENDING);
    }
}
