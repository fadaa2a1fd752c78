package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.StorageSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes files that no row refers to: a photo whose transaction rolled back (or whose node died
 * between writing the file and committing the row), {@code .part} files of writes a crash cut
 * short, export archives or reports of jobs that no longer exist, and stored roster-import inputs
 * of jobs that have ended. Only files older than the grace period are considered, so a file whose
 * row is about to commit is never touched. Deleting a file twice is harmless, so several sweeps
 * may overlap; the scheduled one holds a database lease so it runs on one node at a time.
 *
 * <p>The scheduled sweep does not list the whole store: photo keys are spread by the day they
 * were written ({@code photos/yyyy/MM/dd/}), and it lists only the days since the previous sweep
 * (a watermark in {@code sweep_progress}); a full sweep, which also finds files left by a purge
 * cut short, runs every {@code examphoto.storage.full-sweep-interval} (default a week).
 */
@Component
public class OrphanSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private static final int BATCH = 500;
    private static final String PHOTOS_WATERMARK = "photos";
    private static final String FULL_WATERMARK = "full";

    private final PhotoStorage storage;
    private final JdbcClient jdbc;
    private final StorageSettings settings;

    OrphanSweeper(PhotoStorage storage, JdbcClient jdbc, StorageSettings settings) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** How many files one sweep looked at and deleted. */
    public record SweepResult(long examined, long deleted) {
    }

    @Scheduled(fixedDelayString = "${examphoto.storage.sweep-interval:PT30M}",
            initialDelayString = "${examphoto.storage.sweep-initial-delay:PT5M}")
    @SchedulerLock(name = "storage.orphanSweep", lockAtMostFor = "PT3H")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The class only: a message could name a key; the next run tries again.
            log.warn("Orphan sweep failed with {}", e.getClass().getName());
        }
    }

    /**
     * Sweeps files older than the configured grace period: the photo folders of the days since
     * the last sweep, or everything when the last full sweep is older than the full-sweep interval.
     */
    public SweepResult sweep() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(settings.sweepGrace());
        Optional<Instant> lastFull = watermark(FULL_WATERMARK);
        Optional<Instant> last = watermark(PHOTOS_WATERMARK);
        SweepResult result;
        if (last.isEmpty() || lastFull.isEmpty() || lastFull.get().isBefore(now.minus(settings.fullSweepInterval()))) {
            result = sweepWrittenBefore(cutoff);
            saveWatermark(FULL_WATERMARK, now);
        } else {
            List<String> prefixes = new ArrayList<>(List.of(PhotoKeys.EXPORTS, PhotoKeys.REPORTS, PhotoKeys.IMPORTS));
            // From the day before the watermark: a file is keyed by the day its write began.
            for (LocalDate day = LocalDate.ofInstant(last.get(), ZoneOffset.UTC).minusDays(1);
                 !day.isAfter(LocalDate.ofInstant(cutoff, ZoneOffset.UTC)); day = day.plusDays(1)) {
                prefixes.add(String.format("%s%04d/%02d/%02d/", PhotoKeys.PHOTOS, day.getYear(), day.getMonthValue(),
                        day.getDayOfMonth()));
            }
            result = sweep(prefixes, cutoff);
        }
        saveWatermark(PHOTOS_WATERMARK, cutoff);
        return result;
    }

    /** Sweeps every unreferenced file written before the cutoff, listing the whole store. */
    public SweepResult sweepWrittenBefore(Instant cutoff) {
        return sweep(List.of(PhotoKeys.PHOTOS, PhotoKeys.EXPORTS, PhotoKeys.REPORTS, PhotoKeys.IMPORTS), cutoff);
    }

    private SweepResult sweep(List<String> prefixes, Instant cutoff) {
        long[] counts = new long[2];
        List<String> batch = new ArrayList<>(BATCH);
        for (String prefix : prefixes) {
            String kind = prefix.startsWith(PhotoKeys.PHOTOS) ? PhotoKeys.PHOTOS : prefix;
            storage.list(prefix, file -> {
                if (file.lastModified().isBefore(cutoff)) {
                    counts[0]++;
                    if (file.key().endsWith(".part")) {
                        // A write cut short by a crash: never referenced, never finished.
                        storage.delete(file.key());
                        counts[1]++;
                        return;
                    }
                    batch.add(file.key());
                    if (batch.size() == BATCH) {
                        counts[1] += deleteUnreferenced(kind, batch);
                        batch.clear();
                    }
                }
            });
            counts[1] += deleteUnreferenced(kind, batch);
            batch.clear();
        }
        if (counts[1] > 0) {
            log.info("Orphan sweep: {} old files examined, {} unreferenced deleted", counts[0], counts[1]);
        }
        return new SweepResult(counts[0], counts[1]);
    }

    private Optional<Instant> watermark(String name) {
        return jdbc.sql("select swept_until from sweep_progress where name = ?").param(name)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    private void saveWatermark(String name, Instant at) {
        OffsetDateTime value = at.atOffset(ZoneOffset.UTC);
        if (jdbc.sql("update sweep_progress set swept_until = ? where name = ?").params(value, name).update() == 0) {
            try {
                jdbc.sql("insert into sweep_progress (name, swept_until) values (?, ?)").params(name, value).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("update sweep_progress set swept_until = ? where name = ?").params(value, name).update();
            }
        }
    }

    private long deleteUnreferenced(String prefix, List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> referenced = prefix.equals(PhotoKeys.PHOTOS) ? photoKeys(keys)
                : prefix.equals(PhotoKeys.IMPORTS) ? unfinishedJobKeys(keys) : jobKeys(keys);
        long deleted = 0;
        for (String key : keys) {
            if (!referenced.contains(key)) {
                storage.delete(key);
                deleted++;
            }
        }
        return deleted;
    }

    private Set<String> photoKeys(List<String> keys) {
        return new HashSet<>(jdbc.sql("select storage_key from photo where storage_key in (:keys)")
                .param("keys", keys).query(String.class).list());
    }

    /** Export and report files live under {@code <prefix><jobId>/…}, or are a job's result or report key. */
    private Set<String> jobKeys(List<String> keys) {
        Set<String> ids = new HashSet<>();
        for (String key : keys) {
            ids.add(jobId(key));
        }
        Set<String> liveJobs = new HashSet<>(jdbc.sql("select id from job where id in (:ids)")
                .param("ids", ids).query(String.class).list());
        Set<String> named = new HashSet<>(jdbc.sql("select result_key from job where result_key in (:keys) union select report_key from job where report_key in (:keys)")
                .param("keys", keys).query(String.class).list());
        Set<String> referenced = new HashSet<>();
        for (String key : keys) {
            if (liveJobs.contains(jobId(key)) || named.contains(key)) {
                referenced.add(key);
            }
        }
        return referenced;
    }

    /** A roster import's stored inputs are needed only while its job is queued or running. */
    private Set<String> unfinishedJobKeys(List<String> keys) {
        Set<String> ids = new HashSet<>();
        for (String key : keys) {
            ids.add(jobId(key));
        }
        Set<String> live = new HashSet<>(jdbc.sql("select id from job where id in (:ids) and status in ('QUEUED', 'RUNNING')")
                .param("ids", ids).query(String.class).list());
        Set<String> referenced = new HashSet<>();
        for (String key : keys) {
            if (live.contains(jobId(key))) {
                referenced.add(key);
            }
        }
        return referenced;
    }

    private static String jobId(String key) {
        String rest = key.substring(key.indexOf('/') + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
