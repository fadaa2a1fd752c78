package cn.gdeea.examphoto.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job table's rules, on H2 and PostgreSQL: conditional transitions, claims that two nodes
 * never share, heartbeats, and resumption from the checkpoint on another node.
 */
@SpringBootTest(properties = {"examphoto.jobs.poll=PT0.2S", "examphoto.jobs.heartbeat=PT0.5S",
        "examphoto.jobs.stale-after=PT3S", "examphoto.jobs.node-id=this-node"})
@Import(JobsContract.Handlers.class)
abstract class JobsContract {

    static final String STEPPED = "TEST_STEPPED";
    /** What the test handler did, by job id and attempt: "id@attempt:from". */
    static final List<String> RUNS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Handlers {
        /** Counts to 5 from its checkpoint, saving each step. */
        @Bean
        JobHandler stepped() {
            return new JobHandler() {
                @Override
                public String kind() {
                    return STEPPED;
                }

                @Override
                public void run(Jobs.Progress progress) throws Exception {
                    int from = progress.checkpoint() == null ? 0 : Integer.parseInt(progress.checkpoint());
                    RUNS.add(progress.id() + "@" + progress.attempt() + ":" + from);
                    progress.total(5);
                    for (int i = from + 1; i <= 5; i++) {
                        Thread.sleep(Long.parseLong(progress.params()));
                        progress.checkpoint(Integer.toString(i));
                        progress.done(i);
                    }
                }
            };
        }
    }

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<Jobs> otherNodes = new ArrayList<>();

    @AfterEach
    void stopOtherNodes() {
        otherNodes.forEach(Jobs::close);
    }

    /** Another node on the same database: its own Jobs, with no worker of its own. */
    Jobs otherNode(String name) {
        Jobs other = new Jobs(jdbc, transactions, new JobSettings(false, 1, Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(3), 3, name));
        otherNodes.add(other);
        return other;
    }

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
    void failsLocalJobsWhoseNodeStoppedButNeitherLiveOnesNorQueuedOnesWaitingBehindALongJob() {
        String stalled = jobs.runNow("test", "staff:admin", p -> { }).id();
        String live = jobs.runNow("test", "staff:admin", p -> { }).id();
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        jdbc.sql("update job set status = 'RUNNING', finished_at = null, heartbeat_at = ?, updated_at = ? where id = ?")
                .params(longAgo, longAgo, stalled).update();
        jdbc.sql("update job set status = 'RUNNING', finished_at = null, heartbeat_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), live).update();
        // Queued two hours ago, of a kind no node here runs: it waits, it is not failed.
        String waiting = jobs.submit("NOBODY_RUNS_THIS", "staff:admin", "", false);
        jdbc.sql("update job set created_at = ?, updated_at = ? where id = ?").params(longAgo, longAgo, waiting).update();

        assertThat(jobs.failStalled()).isEqualTo(1);

        assertThat(jobs.get(stalled).status()).isEqualTo("FAILED");
        assertThat(jobs.get(stalled).message()).contains("任务中断");
        assertThat(jobs.get(live).status()).isEqualTo("RUNNING");
        assertThat(jobs.get(waiting).status()).isEqualTo("QUEUED");
    }

    @Test
    void aFailedJobNeverComesBackToLife() {
        List<String> afterFailure = new CopyOnWriteArrayList<>();
        Jobs.JobStatus job = jobs.runNow("test", "staff:admin", p -> {
            // An operator (or the stall check) fails the job while this node still works on it.
            jdbc.sql("update job set status = 'FAILED', finished_at = ? where id = ?")
                    .params(OffsetDateTime.now(ZoneOffset.UTC), p.id()).update();
            try {
                p.done(3);
                afterFailure.add("progress accepted");
            } catch (Jobs.LeaseLostException expected) {
                afterFailure.add("refused");
                throw expected;
            }
        });
        assertThat(afterFailure).containsExactly("refused");
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.done()).isZero();
        // Nor can any node claim it again.
        assertThat(otherNode("node-b").claim(Set.of("test"))).isEmpty();
    }

    @Test
    void twoNodesClaimingAtOnceNeverTakeTheSameJob() throws Exception {
        Set<String> submitted = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            submitted.add(jobs.submit("TEST_CLAIM", "staff:admin", "", false));
        }
        List<Jobs> nodes = List.of(otherNode("node-b"), otherNode("node-c"), otherNode("node-d"));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Jobs node = nodes.get(t % nodes.size());
                runs.add(threads.submit(() -> {
                    Optional<Jobs.Progress> next;
                    while ((next = node.claim(Set.of("TEST_CLAIM"))).isPresent()) {
                        claimed.add(next.get().id());
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(claimed).hasSize(20).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(submitted);
        assertThat(jdbc.sql("select count(*) from job where kind = 'TEST_CLAIM' and status = 'RUNNING' and attempt = 1")
                .query(Long.class).single()).isEqualTo(20);
    }

    @Test
    void aJobWhoseNodeDiedIsResumedByAnotherNodeFromItsCheckpoint() throws Exception {
        RUNS.clear();
        // Node B claims the job, does two steps and dies. (It is queued under a kind only B
        // claims, then given its real kind, so that this context's worker cannot win the claim.)
        Jobs nodeB = otherNode("node-b");
        String id = nodeB.submit("TEST_HELD", "staff:admin", "100", false);
        Jobs.Progress onB = nodeB.claim(Set.of("TEST_HELD")).orElseThrow();
        jdbc.sql("update job set kind = ? where id = ?").params(STEPPED, id).update();
        onB.total(5);
        onB.checkpoint("2");
        onB.done(2);
        nodeB.close(); // its heartbeat stops

        Jobs.JobStatus finished = awaitEnd(id, Duration.ofSeconds(30));

        assertThat(finished.status()).isEqualTo("SUCCEEDED");
        assertThat(finished.done()).isEqualTo(5);
        assertThat(RUNS).containsExactly(id + "@2:2");
        assertThat(jdbc.sql("select owner from job where id = ?").param(id).query(String.class).single()).isEqualTo("this-node");
        // The dead node's late writes are refused: it no longer holds the job.
        assertThatThrownBy(() -> onB.done(1)).isInstanceOf(Jobs.LeaseLostException.class);
        assertThat(jobs.get(id).done()).isEqualTo(5);
    }

    @Test
    void aRunningJobWithALiveHeartbeatIsNotTakenOver() throws Exception {
        RUNS.clear();
        String id = jobs.submit(STEPPED, "staff:admin", "1200", false);
        Jobs.JobStatus finished = awaitEnd(id, Duration.ofSeconds(30));
        // 5 × 1.2 s = 6 s, twice the stale-after: only the heartbeat kept it.
        assertThat(finished.status()).isEqualTo("SUCCEEDED");
        assertThat(RUNS).containsExactly(id + "@1:0");
    }

    @Test
    void onlyOneJobOfAnExclusiveKindIsQueuedOrRunningAtATime() {
        String first = jobs.submit("TEST_EXCLUSIVE", "staff:admin", "", true);
        assertThatThrownBy(() -> jobs.submit("TEST_EXCLUSIVE", "staff:admin", "", true))
                .isInstanceOf(Jobs.AlreadyRunningException.class);
        assertThatThrownBy(() -> otherNode("node-b").runNow("TEST_EXCLUSIVE", "cli", true, p -> { }))
                .isInstanceOf(Jobs.AlreadyRunningException.class);
        // Other kinds, and non-exclusive jobs of the kind, are not held up.
        assertThat(jobs.runNow("test", "staff:admin", p -> { }).status()).isEqualTo("SUCCEEDED");

        Jobs.Progress running = otherNode("node-c").claim(Set.of("TEST_EXCLUSIVE")).orElseThrow();
        assertThat(running.id()).isEqualTo(first);
        jdbc.sql("update job set status = 'SUCCEEDED', exclusive_kind = null where id = ?").param(first).update();
        assertThat(jobs.submit("TEST_EXCLUSIVE", "staff:admin", "", true)).isNotEqualTo(first);
    }

    private Jobs.JobStatus awaitEnd(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Jobs.JobStatus s = jobs.get(id);
            if (s.status().equals("SUCCEEDED") || s.status().equals("FAILED")) {
                return s;
            }
            Thread.sleep(100);
        }
        return jobs.get(id);
    }
}
