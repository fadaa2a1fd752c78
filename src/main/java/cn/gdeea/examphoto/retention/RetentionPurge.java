package cn.gdeea.examphoto.retention;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.candidate.CandidateAdministration;
import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.storage.PhotoStorage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge of biometric data (SPEC §9): for every candidate with no photo or submission
 * since the cutoff, deletes their photos (files and rows, collected ones included: this is the
 * only code that deletes an accepted photo) and clears their face descriptors. Submissions,
 * attempts, decisions and the candidate's state stay on record. Rows go first, in one transaction
 * per batch; files are deleted after the commit, so a crash in between leaves only unreferenced
 * files, which the orphan sweeper of the photo store removes.
 */
@Service
public class RetentionPurge {

    /** The job kind of a purge. */
    public static final String JOB_KIND = "RETENTION_PURGE";

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final PhotoStorage storage;
    private final TransactionTemplate transactions;
    private final Jobs jobs;
    private final AuditLog audit;
    private final RetentionSettings settings;
    private final CandidateAdministration candidates;

    RetentionPurge(JdbcClient jdbc, PhotoStorage storage, TransactionTemplate transactions, Jobs jobs,
                   AuditLog audit, RetentionSettings settings, CandidateAdministration candidates) {
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.storage = storage;
        this.transactions = transactions;
        this.jobs = jobs;
        this.audit = audit;
        this.settings = settings;
    }

    /** What a purge removed. */
    public record PurgeResult(long candidates, long photos) {
    }

    /** Starts the purge as a background job; returns the job id. */
    public String start(Instant before, AuthenticatedUser actor) {
        return jobs.start(JOB_KIND, actor.actor(), progress -> {
            PurgeResult result = purge(before, progress);
            audit.record(actor, "retention.purge", null, null, "before=" + before + " candidates="
                    + result.candidates() + " photos=" + result.photos() + " job=" + progress.id());
        });
    }

    /** The daily purge, only when {@code examphoto.retention.enabled}. */
    @Scheduled(cron = "${examphoto.retention.cron:0 30 3 * * *}")
    @SchedulerLock(name = "retention.purge", lockAtMostFor = "PT6H", lockAtLeastFor = "PT5M")
    void scheduled() {
        if (settings.enabled()) {
            Instant before = Instant.now().minus(settings.keep());
            jobs.runNow(JOB_KIND, "system", progress -> {
                PurgeResult result = purge(before, progress);
                audit.record(null, "retention.purge", null, null, "before=" + before + " candidates="
                        + result.candidates() + " photos=" + result.photos() + " job=" + progress.id());
            });
        }
    }

    /** Purges the biometric data of every candidate whose newest photo and submission predate the cutoff. */
    public PurgeResult purge(Instant before, Jobs.Progress progress) {
        OffsetDateTime cutoff = before.atOffset(ZoneOffset.UTC);
        if (progress != null) {
            progress.total(jdbc.sql("select count(*) from candidate c where " + DUE).params(cutoff, cutoff)
                    .query(Long.class).single());
        }
        long candidates = 0;
        long photos = 0;
        long lastId = 0;
        while (true) {
            List<Long> ids = jdbc.sql("select c.id from candidate c where c.id > ? and " + DUE + " order by c.id limit " + BATCH)
                    .params(lastId, cutoff, cutoff).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            lastId = ids.get(ids.size() - 1);
            List<String> keys = transactions.execute(tx -> purgeRows(ids));
            // After the commit: a crash here leaves unreferenced files, never a row without its file.
            keys.forEach(storage::delete);
            candidates += ids.size();
            photos += keys.size();
            if (progress != null) {
                progress.done(candidates);
            }
        }
        log.info("Retention purge: {} candidates, {} photos", candidates, photos);
        return new PurgeResult(candidates, photos);
    }

    /** Has biometric data, none of it newer than the cutoff (two parameters: the cutoff twice). */
    private static final String DUE = """
            (exists (select 1 from photo p where p.candidate_id = c.id)
                 or c.reference_descriptor is not null
                 or exists (select 1 from submission s where s.candidate_id = c.id and s.descriptor is not null))
            and not exists (select 1 from photo p where p.candidate_id = c.id and p.created_at >= ?)
            and not exists (select 1 from submission s where s.candidate_id = c.id and s.created_at >= ?)""";

    private List<String> purgeRows(List<Long> ids) {
        List<String> keys = jdbc.sql("select storage_key from photo where candidate_id in (:ids)")
                .param("ids", ids).query(String.class).list();
        candidates.forgetBiometrics(ids);
        jdbc.sql("delete from photo where candidate_id in (:ids)").param("ids", ids).update();
        return keys;
    }
}
