package cn.gdeea.examphoto.job;

import cn.gdeea.examphoto.web.ApiException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background jobs (roster import, photo export, retention purge) with their state in the
 * {@code job} table, so any node can report, run and resume them.
 *
 * <p>A job {@link #submit submitted} as QUEUED is claimed by any node with a free worker
 * ({@code FOR UPDATE SKIP LOCKED}: two nodes never claim the same job) and runs there with a
 * heartbeat. When the heartbeat stops (the node died), another node claims the job again and its
 * {@link JobHandler} continues from the last checkpoint. Every change of a running job is
 * conditional on the claim (owner and attempt), so a node that lost its claim can change nothing:
 * its next progress report throws {@link LeaseLostException}. A finished job never changes again.
 *
 * <p>{@link #runNow} and {@link #start} run work that lives only in this process (the command line,
 * a local purge); such a job cannot be resumed elsewhere and is marked FAILED when its node stops.
 */
@Service
public class Jobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JobSettings settings;
    private final String node;
    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private final ExecutorService local = Executors.newSingleThreadExecutor(r -> daemon(r, "examphoto-job-local"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "examphoto-job-heartbeat"));
    private volatile Runnable wakeWorkers = () -> { };

    public Jobs(JdbcClient jdbc, PlatformTransactionManager transactionManager, JobSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.node = settings.nodeId() != null && !settings.nodeId().isBlank() ? settings.nodeId() : defaultNodeId();
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** What a local job does; it reports progress through the handle. */
    @FunctionalInterface
    public interface Work {
        void run(Progress progress) throws Exception;
    }

    /** A second job of an exclusive kind while one is queued or running. */
    public static final class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(String kind) {
            super("a " + kind + " job is already queued or running");
        }
    }

    /** This node no longer holds the job: another node resumed it. The work must stop. */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String id) {
            super("job " + id + " is no longer held by this node");
        }
    }

    /** This node's name in {@code job.owner}. */
    public String node() {
        return node;
    }

    /**
     * Queues a job for any node's {@link JobHandler} of its kind; returns its id at once. With
     * {@code exclusive}, refuses ({@link AlreadyRunningException}) while another job of the kind is
     * queued or running, on whichever node.
     */
    public String submit(String kind, String createdBy, String params, boolean exclusive) {
        return submit(UUID.randomUUID().toString(), kind, createdBy, params, exclusive);
    }

    /** As {@link #submit(String, String, String, boolean)}, with an id the caller chose (to name stored inputs). */
    public String submit(String id, String kind, String createdBy, String params, boolean exclusive) {
        try {
            jdbc.sql("""
                    insert into job (id, kind, status, created_by, created_at, updated_at, resumable, params, exclusive_kind)
                    values (?, ?, 'QUEUED', ?, ?, ?, true, ?, ?)""")
                    .params(id, kind, createdBy, now(), now(), params, exclusive ? kind : null).update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyRunningException(kind);
        }
        wakeWorkers.run();
        return id;
    }

    /** Whether a job of the kind is queued or running (a fast check before an exclusive submit). */
    public boolean busy(String kind) {
        return jdbc.sql("select count(*) from job where exclusive_kind = ?").param(kind).query(Long.class).single() > 0;
    }

    /** Runs local work in the background on this node; returns the job's id at once. */
    public String start(String kind, String createdBy, Work work) {
        Progress progress = createLocal(kind, createdBy, false);
        local.submit(() -> execute(progress, work));
        return progress.id;
    }

    /** Runs local work on the calling thread (the command line); returns the job finished. */
    public JobStatus runNow(String kind, String createdBy, Work work) {
        return runNow(kind, createdBy, false, work);
    }

    /** As {@link #runNow(String, String, Work)}; with {@code exclusive} as for {@link #submit}. */
    public JobStatus runNow(String kind, String createdBy, boolean exclusive, Work work) {
        Progress progress = createLocal(kind, createdBy, exclusive);
        execute(progress, work);
        return find(progress.id).orElseThrow();
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

    /**
     * Marks FAILED the running jobs whose node stopped and that cannot be resumed: local work, and
     * jobs that already took {@code maxAttempts} nodes down. Queued jobs are never touched, however
     * long they wait; resumable jobs are claimed again by a worker instead.
     */
    public int failStalled() {
        int failed = jdbc.sql("""
                update job set status = 'FAILED', exclusive_kind = null, message = ?, updated_at = ?, finished_at = ?
                where status = 'RUNNING' and coalesce(heartbeat_at, updated_at) < ?
                and (resumable = false or attempt >= ?)""")
                .params("任务中断（处理节点已停止），请重新发起 / interrupted: the node running it stopped; start it again",
                        now(), now(), now().minus(settings.staleAfter()), settings.maxAttempts())
                .update();
        if (failed > 0) {
            log.warn("{} stalled job(s) marked failed", failed);
        }
        return failed;
    }

    /** The stall check, every minute on one node at a time. */
    @Scheduled(fixedDelayString = "${examphoto.jobs.stall-check-interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "jobs.failStalled", lockAtMostFor = "PT5M")
    public void scheduledStallCheck() {
        failStalled();
    }

    // ---- used by the worker ----

    void onSubmit(Runnable wake) {
        this.wakeWorkers = wake;
    }

    /** A queued job, or a resumable one whose node stopped, now claimed by this node. */
    Optional<Progress> claim(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return transactions.execute(status -> {
            record Candidate(String id, String kind, int attempt, String params, String checkpoint) {
            }
            Optional<Candidate> next = jdbc.sql("""
                    select id, kind, attempt, params, checkpoint from job
                    where kind in (:kinds) and (status = 'QUEUED'
                        or (status = 'RUNNING' and resumable = true and heartbeat_at < :stale and attempt < :max))
                    order by created_at limit 1 for update skip locked""")
                    .param("kinds", kinds).param("stale", now().minus(settings.staleAfter()))
                    .param("max", settings.maxAttempts())
                    .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)))
                    .optional();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Candidate c = next.get();
            int attempt = c.attempt() + 1;
            jdbc.sql("update job set status = 'RUNNING', owner = ?, attempt = ?, heartbeat_at = ?, updated_at = ? where id = ?")
                    .params(node, attempt, now(), now(), c.id()).update();
            if (attempt > 1) {
                log.info("Job {} ({}) resumed on {} (attempt {})", c.id(), c.kind(), node, attempt);
            }
            return Optional.of(new Progress(c.id(), c.kind(), attempt, c.params(), c.checkpoint()));
        });
    }

    /** Runs the claimed job to its end, or until this node loses it or stops. */
    void execute(Progress progress, Work work) {
        running.put(progress.id, progress);
        try {
            work.run(progress);
            finish(progress, "SUCCEEDED", null);
        } catch (LeaseLostException e) {
            log.warn("Job {} was taken over by another node; this node stopped working on it", progress.id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(progress);
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() || progress.released) {
                release(progress);
                return;
            }
            // The class only: a message could hold roster data.
            log.error("Job {} failed with {}", progress.id, e.getClass().getName());
            String message = e instanceof ApiException api ? api.toError().message() : "任务失败 (" + e.getClass().getSimpleName() + ")";
            finish(progress, "FAILED", message);
        } finally {
            running.remove(progress.id);
        }
    }

    /**
     * Hands the running jobs of this node back at once (a graceful stop): another node resumes
     * them without waiting for their heartbeat to go stale.
     */
    void releaseAll() {
        for (Progress p : running.values()) {
            release(p);
        }
    }

    private void release(Progress p) {
        p.released = true;
        jdbc.sql("update job set heartbeat_at = ? where id = ? and status = 'RUNNING' and owner = ? and attempt = ? and resumable = true")
                .params(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), p.id, node, p.attempt).update();
    }

    private void finish(Progress p, String status, String message) {
        int changed = jdbc.sql("""
                update job set status = ?, done = case when ? = 'SUCCEEDED' then greatest(done, total) else done end,
                message = coalesce(?, message), exclusive_kind = null, updated_at = ?, finished_at = ?
                where id = ? and status = 'RUNNING' and owner = ? and attempt = ?""")
                .params(status, status, message, now(), now(), p.id, node, p.attempt).update();
        if (changed == 0) {
            log.warn("Job {} was no longer held by this node when it ended; its outcome was not recorded here", p.id);
        }
    }

    private Progress createLocal(String kind, String createdBy, boolean exclusive) {
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    insert into job (id, kind, status, created_by, created_at, updated_at, owner, attempt, heartbeat_at,
                    resumable, exclusive_kind) values (?, ?, 'RUNNING', ?, ?, ?, ?, 1, ?, false, ?)""")
                    .params(id, kind, createdBy, now(), now(), node, now(), exclusive ? kind : null).update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyRunningException(kind);
        }
        return new Progress(id, kind, 1, null, null);
    }

    private void beat() {
        for (Progress p : running.values()) {
            try {
                if (p.touch() == 0) {
                    p.lost = true;
                }
            } catch (RuntimeException e) {
                // The database is unreachable: the next beat tries again; if it stays away the job goes stale.
                log.warn("Heartbeat of job {} failed with {}", p.id, e.getClass().getName());
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        String id = host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 120 ? id.substring(id.length() - 120) : id;
    }

    Duration poll() {
        return settings.poll();
    }

    @Override
    public void close() {
        local.shutdownNow();
        heartbeats.shutdownNow();
    }

    /**
     * A running job's handle: what to do ({@link #params()}), where a previous node got to
     * ({@link #checkpoint()}), and progress and results. Every write is conditional on this node
     * still holding the job; when it does not, the write throws {@link LeaseLostException}, inside
     * the caller's transaction when there is one, so that work done after the loss is rolled back.
     */
    public final class Progress {
        private final String id;
        private final String kind;
        private final int attempt;
        private final String params;
        private final String checkpoint;
        private volatile boolean lost;
        private volatile boolean released;

        private Progress(String id, String kind, int attempt, String params, String checkpoint) {
            this.id = id;
            this.kind = kind;
            this.attempt = attempt;
            this.params = params;
            this.checkpoint = checkpoint;
        }

        public String id() {
            return id;
        }

        public String kind() {
            return kind;
        }

        /** 1 on the first node; more when resumed after a node stopped. */
        public int attempt() {
            return attempt;
        }

        /** What the job was submitted with. */
        public String params() {
            return params;
        }

        /** The checkpoint the previous attempt saved last, or null. */
        public String checkpoint() {
            return checkpoint;
        }

        /** Saves how far the job got; write it in the transaction that commits that work. */
        public void checkpoint(String state) {
            set("checkpoint = ?", state);
        }

        public void total(long total) {
            set("total = ?", total);
        }

        public void done(long done) {
            set("done = ?", done);
        }

        public void message(String message) {
            set("message = ?", message);
        }

        /** The job's product (an export archive, say) in photo storage. */
        public void result(String storageKey) {
            set("result_key = ?", storageKey);
        }

        /** A report (an import's row errors, say) in photo storage. */
        public void report(String storageKey) {
            set("report_key = ?", storageKey);
        }

        private void set(String assignment, Object value) {
            if (lost) {
                throw new LeaseLostException(id);
            }
            int changed = jdbc.sql("update job set " + assignment + ", updated_at = ?, heartbeat_at = ? "
                            + "where id = ? and status = 'RUNNING' and owner = ? and attempt = ?")
                    .params(value, now(), now(), id, node, attempt).update();
            if (changed == 0) {
                lost = true;
                throw new LeaseLostException(id);
            }
        }

        private int touch() {
            return jdbc.sql("update job set heartbeat_at = ? where id = ? and status = 'RUNNING' and owner = ? and attempt = ?")
                    .params(now(), id, node, attempt).update();
        }
    }

    /** A job as any node sees it. {@code status}: QUEUED, RUNNING, SUCCEEDED, FAILED. */
    public record JobStatus(String id, String kind, String status, long done, long total, String message,
                            String resultKey, String reportKey, String createdBy, OffsetDateTime createdAt,
                            OffsetDateTime finishedAt) {
    }
}
