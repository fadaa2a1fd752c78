package cn.gdeea.examphoto.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.support.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class JobsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
    }

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsProgressAndTheOutcomeOfAJobToEveryReader() {
        Jobs.JobStatus done = jobs.runNow("test", "staff:admin", p -> {
            p.total(10);
            p.done(4);
            p.message("半程 halfway");
        });
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.total()).isEqualTo(10);
        assertThat(done.done()).isEqualTo(10);
        assertThat(done.finishedAt()).isNotNull();

        Jobs.JobStatus failed = jobs.runNow("test", "staff:admin", p -> {
            throw new IllegalStateException("with 44010619900101001X in the message");
        });
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).doesNotContain("440106").contains("IllegalStateException");
    }

    @Test
    void failsJobsLeftRunningByANodeThatStoppedButNotLiveOnes() {
        String stalled = jobs.runNow("test", "staff:admin", p -> { }).id();
        String live = jobs.runNow("test", "staff:admin", p -> { }).id();
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minus(Jobs.STALLED).minusMinutes(1);
        jdbc.sql("update job set status = 'RUNNING', finished_at = null, updated_at = ? where id = ?").params(longAgo, stalled).update();
        jdbc.sql("update job set status = 'RUNNING', finished_at = null, updated_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), live).update();

        assertThat(jobs.failStalled()).isEqualTo(1);

        assertThat(jobs.get(stalled).status()).isEqualTo("FAILED");
        assertThat(jobs.get(stalled).message()).contains("任务中断");
        assertThat(jobs.get(live).status()).isEqualTo("RUNNING");
    }
}
