package cn.gdeea.examphoto.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.dashboard.Dashboard;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.support.TestDatabase;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The review queue with 100,000 pending cases and the dashboard over 760,000 candidates (a
 * province's year), on PostgreSQL: a page must come back in well under a second.
 */
@SpringBootTest
class ReviewQueueScaleOnPostgresIntegrationTests {

    static final int POINTS = 120;
    static final int CANDIDATES = 760_000;
    static final int PENDING = 100_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }

    @Autowired JdbcClient jdbc;
    @Autowired ReviewQueue queue;
    @Autowired Dashboard dashboard;

    @Test
    void pagesOfAHundredThousandPendingCasesAndTheProvinceDashboardAreFast() {
        jdbc.sql("""
                insert into registration_point (code, name, city, phone)
                select 'S' || g, '报考点' || g, '城市' || (g %% 21), '020' from generate_series(1, %d) g""".formatted(POINTS)).update();
        jdbc.sql("""
                insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash, state)
                select lpad(g::text, 14, '0'), '考生' || g, 'ID_CARD', 'X' || g, '城市' || ((g %% %d + 1) %% 21),
                       'S' || (g %% %d + 1), 'x',
                       case when g <= %d then 'MANUAL_PENDING' when g %% 3 = 0 then 'COLLECTED' else 'NOT_STARTED' end
                from generate_series(1, %d) g""".formatted(POINTS, POINTS, PENDING, CANDIDATES)).update();
        jdbc.sql("""
                insert into review_case (candidate_id, point_code, reason, status, submitted_at)
                select c.id, c.point_code, 'ATTEMPTS_EXHAUSTED', 'PENDING', now() - (c.id || ' seconds')::interval
                from candidate c where c.state = 'MANUAL_PENDING'""").update();
        jdbc.sql("analyze").update();
        assertThat(jdbc.sql("select count(*) from review_case where status = 'PENDING'").query(Long.class).single())
                .isEqualTo(PENDING);

        AuthenticatedUser admin = new AuthenticatedUser(AuthenticatedUser.Kind.STAFF, 1, "admin",
                AuthenticatedUser.Role.ADMIN, Set.of());
        AuthenticatedUser reviewer = new AuthenticatedUser(AuthenticatedUser.Kind.STAFF, 2, "rev",
                AuthenticatedUser.Role.REVIEWER, Set.of("S7", "S8"));

        double adminFirst = medianMillis(() -> queue.page(admin, "PENDING", null, null, 0, 20));
        double adminDeep = medianMillis(() -> queue.page(admin, "PENDING", null, null, 200, 20));
        double reviewerFirst = medianMillis(() -> queue.page(reviewer, "PENDING", null, null, 0, 20));
        double board = medianMillis(() -> dashboard.progress(admin));

        ReviewQueue.Page page = queue.page(admin, "PENDING", null, null, 0, 20);
        assertThat(page.total()).isEqualTo(PENDING);
        assertThat(page.items()).hasSize(20);
        assertThat(page.items().get(0).submittedAt()).isBefore(page.items().get(19).submittedAt());
        ReviewQueue.Page own = queue.page(reviewer, "PENDING", null, null, 0, 20);
        assertThat(own.items()).allMatch(i -> Set.of("S7", "S8").contains(i.pointCode()));
        assertThat(dashboard.progress(admin).overall().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CANDIDATES);

        System.out.printf("REVIEW QUEUE (PostgreSQL, %d pending): admin page 0 %.1f ms, admin page 200 %.1f ms, "
                + "reviewer (2 points) page 0 %.1f ms; DASHBOARD (%d candidates) %.1f ms%n",
                PENDING, adminFirst, adminDeep, reviewerFirst, CANDIDATES, board);
        assertThat(adminFirst).isLessThan(500);
        assertThat(reviewerFirst).isLessThan(500);
        assertThat(board).isLessThan(3000);
    }

    private static double medianMillis(Supplier<?> query) {
        query.get();
        double[] runs = new double[7];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            query.get();
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }
}
