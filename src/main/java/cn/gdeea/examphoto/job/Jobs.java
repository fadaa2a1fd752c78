package cn.gdeea.examphoto.job;

import cn.gdeea.examphoto.web.ApiException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Background jobs (roster import, photo export) with their progress in the {@code job} table, so
 * any node can report a job that another node runs. Jobs run one at a time per node, beside
 * request handling.
 */
@Service
public class Jobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /**
     * A job whose progress has not moved for this long ran on a node that stopped: every job
     * reports progress at least every few thousand rows or photos, far more often than this.
     */
    static final Duration STALLED = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "examphoto-job");
        t.setDaemon(true);
        return t;
    });

    public Jobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a job does; it reports progress through the handle. */
    @FunctionalInterface
    public interface Work {
        void run(Progress progress) throws Exception;
    }

    /** Creates the job and runs it in the background; returns its id at once. */
    public String start(String kind, String createdBy, Work work) {
        String id = create(kind, createdBy);
        runner.submit(() -> run(id, work));
        return id;
    }

    /** Creates the job and runs it on the calling thread (the command line); returns it finished. */
    public JobStatus runNow(String kind, String createdBy, Work work) {
        String id = create(kind, createdBy);
        run(id, work);
        return find(id).orElseThrow();
    }

    public Optional<JobStatus> find(String id) {
        return jdbc.sql("select id, kind, status, done, total, message, result_key, report_key, created_by, created_at, finished_at from job where id = ?")
                .param(id).query((rs, n) -> new JobStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class)))
                .optional();
    }

    public JobStatus get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("任务 job"));
    }

    /** The newest jobs of a kind. */
    public List<JobStatus> recent(String kind, int limit) {
        return jdbc.sql("select id from job where kind = ? order by created_at desc limit ?").params(kind, limit)
                .query(String.class).list().stream().map(this::get).toList();
    }

    private String create(String kind, String createdBy) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into job (id, kind, status, created_by, created_at, updated_at) values (?, ?, 'QUEUED', ?, ?, ?)")
                .params(id, kind, createdBy, now(), now()).update();
        return id;
    }

    private void run(String id, Work work) {
        Progress progress = new Progress(id);
        jdbc.sql("update job set status = 'RUNNING', updated_at = ? where id = ?").params(now(), id).update();
        try {
            work.run(progress);
            jdbc.sql("update job set status = 'SUCCEEDED', done = greatest(done, total), updated_at = ?, finished_at = ? where id = ?")
                    .params(now(), now(), id).update();
        } catch (Exception e) {
            // The class only: a message could hold roster data.
            log.error("Job {} failed with {}", id, e.getClass().getName());
            String message = e instanceof ApiException api ? api.toError().message() : "任务失败 (" + e.getClass().getSimpleName() + ")";
            jdbc.sql("update job set status = 'FAILED', message = ?, updated_at = ?, finished_at = ? where id = ?")
                    .params(message, now(), now(), id).update();
        }
    }

    /** Marks jobs left QUEUED or RUNNING by a node that stopped as FAILED, so no one waits on them. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public int failStalled() {
        int failed = jdbc.sql("""
                update job set status = 'FAILED', message = ?, updated_at = ?, finished_at = ?
                where status in ('QUEUED', 'RUNNING') and updated_at < ?""")
                .params("任务中断（处理节点已停止），请重新发起 / interrupted: the node running it stopped; start it again",
                        now(), now(), now().minus(STALLED))
                .update();
        if (failed > 0) {
            log.warn("{} stalled job(s) marked failed", failed);
        }
        return failed;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** A running job's handle for reporting progress and results. */
    public final class Progress {
        private final String id;

        private Progress(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public void total(long total) {
            jdbc.sql("update job set total = ?, updated_at = ? where id = ?").params(total, now(), id).update();
        }

        public void done(long done) {
            jdbc.sql("update job set done = ?, updated_at = ? where id = ?").params(done, now(), id).update();
        }

        public void message(String message) {
            jdbc.sql("update job set message = ?, updated_at = ? where id = ?").params(message, now(), id).update();
        }

        /** The job's product (an export archive, say) in photo storage. */
        public void result(String storageKey) {
            jdbc.sql("update job set result_key = ?, updated_at = ? where id = ?").params(storageKey, now(), id).update();
        }

        /** A report (an import's row errors, say) in photo storage. */
        public void report(String storageKey) {
            jdbc.sql("update job set report_key = ?, updated_at = ? where id = ?").params(storageKey, now(), id).update();
        }
    }

    /** A job as any node sees it. {@code status}: QUEUED, RUNNING, SUCCEEDED, FAILED. */
    public record JobStatus(String id, String kind, String status, long done, long total, String message,
                            String resultKey, String reportKey, String createdBy, OffsetDateTime createdAt,
                            OffsetDateTime finishedAt) {
    }
}
