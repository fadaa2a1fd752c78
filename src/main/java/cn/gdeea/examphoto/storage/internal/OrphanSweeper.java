package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoKeys;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.StorageSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes files that no row refers to: a photo whose transaction rolled back (or whose node died
 * between writing the file and committing the row), and export archives or reports of jobs that no
 * longer exist. Only files older than the grace period are considered, so a file whose row is
 * about to commit is never touched. Any number of nodes may sweep at once: each deletes only
 * files it has just seen unreferenced, and deleting a file twice is harmless.
 */
@Component
public class OrphanSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private static final int BATCH = 500;

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
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The class only: a message could name a key; the next run tries again.
            log.warn("Orphan sweep failed with {}", e.getClass().getName());
        }
    }

    /** Sweeps files older than the configured grace period. */
    public SweepResult sweep() {
        return sweepWrittenBefore(Instant.now().minus(settings.sweepGrace()));
    }

    /** Sweeps unreferenced files written before the cutoff. */
    public SweepResult sweepWrittenBefore(Instant cutoff) {
        long[] counts = new long[2];
        List<String> batch = new ArrayList<>(BATCH);
        for (String prefix : List.of(PhotoKeys.PHOTOS, PhotoKeys.EXPORTS, PhotoKeys.REPORTS)) {
            storage.list(prefix, file -> {
                if (file.lastModified().isBefore(cutoff)) {
                    batch.add(file.key());
                    counts[0]++;
                    if (batch.size() == BATCH) {
                        counts[1] += deleteUnreferenced(prefix, batch);
                        batch.clear();
                    }
                }
            });
            counts[1] += deleteUnreferenced(prefix, batch);
            batch.clear();
        }
        if (counts[1] > 0) {
            log.info("Orphan sweep: {} old files examined, {} unreferenced deleted", counts[0], counts[1]);
        }
        return new SweepResult(counts[0], counts[1]);
    }

    private long deleteUnreferenced(String prefix, List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> referenced = prefix.equals(PhotoKeys.PHOTOS) ? photoKeys(keys) : jobKeys(keys);
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

    private static String jobId(String key) {
        String rest = key.substring(key.indexOf('/') + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
