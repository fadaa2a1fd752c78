package cn.gdeea.examphoto.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.job.Jobs;
import cn.gdeea.examphoto.storage.internal.OrphanSweeper;
import cn.gdeea.examphoto.support.PhotoFixtures.Candidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class OrphanSweeperIntegrationTests extends StorageIntegrationTest {

    @Autowired
    OrphanSweeper sweeper;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Jobs jobs;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void removesThePhotoOfARolledBackTransactionAndKeepsCommittedOnes() {
        String point = newPoint();
        fixtures.point(point, "广州市");
        Candidate candidate = fixtures.candidate(point, "张三");
        long kept = photoRecords.store(candidate.id(), PhotoKind.UPLOAD, fixtures.face(0), "image/jpeg", null, null);
        String keptKey = photoRecords.find(kept).orElseThrow().storageKey();

        // The crash: the file is written, then the transaction that inserted its row rolls back.
        String[] orphanKey = new String[1];
        transactions.executeWithoutResult(tx -> {
            long id = photoRecords.store(candidate.id(), PhotoKind.UPLOAD, fixtures.face(1), "image/jpeg", null, null);
            orphanKey[0] = photoRecords.find(id).orElseThrow().storageKey();
            tx.setRollbackOnly();
        });
        assertThat(storage.get(orphanKey[0])).isPresent();
        assertThat(jdbc.sql("select count(*) from photo where storage_key = ?").param(orphanKey[0]).query(Long.class).single()).isZero();

        OrphanSweeper.SweepResult result = sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5));

        assertThat(storage.get(orphanKey[0])).isEmpty();
        assertThat(storage.get(keptKey)).hasValueSatisfying(b -> assertThat(b).isEqualTo(fixtures.face(0)));
        assertThat(result.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(result.examined()).isGreaterThan(result.deleted());
    }

    @Test
    void keepsAFreshOrphanWithinTheGracePeriod() {
        String key = PhotoKeys.newPhotoKey("jpg");
        storage.put(key, fixtures.face(2), "image/jpeg");

        sweeper.sweep();

        assertThat(storage.get(key)).isPresent();
        sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5));
        assertThat(storage.get(key)).isEmpty();
    }

    @Test
    void keepsEveryCommittedPhotoIncludingCollectedOnes() {
        String point = newPoint();
        fixtures.point(point, "深圳市");
        Candidate candidate = fixtures.candidate(point, "李四");
        var submission = fixtures.collected(candidate, 0);
        List<String> keys = jdbc.sql("select storage_key from photo where candidate_id = ?").param(candidate.id())
                .query(String.class).list();

        sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5));

        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(storage.get(k)).isPresent());
        assertThat(submission.standardPhotoId()).isPositive();
    }

    @Test
    void removesExportFilesOfJobsThatDoNotExistAndKeepsThoseOfExistingJobs() {
        Jobs.JobStatus job = jobs.runNow("PHOTO_EXPORT", "test", progress -> {
        });
        String kept = PhotoKeys.EXPORTS + job.id() + "/P1.zip";
        String orphan = PhotoKeys.EXPORTS + "00000000-0000-0000-0000-000000000000/P1.zip";
        String orphanReport = PhotoKeys.REPORTS + "no-such-job/errors.csv";
        storage.put(kept, new byte[] {1}, "application/zip");
        storage.put(orphan, new byte[] {2}, "application/zip");
        storage.put(orphanReport, new byte[] {3}, "text/csv");

        sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5));

        assertThat(storage.get(kept)).isPresent();
        assertThat(storage.get(orphan)).isEmpty();
        assertThat(storage.get(orphanReport)).isEmpty();
    }

    @Test
    void severalNodesSweepingAtOnceDeleteOrphansAndNothingElse() throws Exception {
        String point = newPoint();
        fixtures.point(point, "佛山市");
        Candidate candidate = fixtures.candidate(point, "王五");
        long kept = photoRecords.store(candidate.id(), PhotoKind.UPLOAD, fixtures.face(0), "image/jpeg", null, null);
        List<String> orphans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = PhotoKeys.newPhotoKey("jpg");
            storage.put(key, new byte[] {(byte) i}, "image/jpeg");
            orphans.add(key);
        }
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            List<Future<OrphanSweeper.SweepResult>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(nodes.submit(() -> sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5))));
            }
            for (Future<OrphanSweeper.SweepResult> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(orphans).allSatisfy(k -> assertThat(storage.get(k)).isEmpty());
        assertThat(storage.get(photoRecords.find(kept).orElseThrow().storageKey())).isPresent();
    }

    @Test
    void removesPartFilesThatACrashLeftAndListsOnlyRecentDaysBetweenFullSweeps() throws Exception {
        Path root = storageRoot();
        String day = PhotoKeys.newPhotoKey("jpg");
        Path folder = root.resolve(day).getParent();
        Files.createDirectories(folder);
        Path part = folder.resolve("abc.jpg.0000.part");
        Files.write(part, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path oldDay = root.resolve("photos/2020/01/01");
        Files.createDirectories(oldDay);
        Path oldOrphan = oldDay.resolve("old.jpg");
        Files.write(oldOrphan, new byte[] {4});
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.parse("2020-01-01T10:00:00Z")));
        jdbc.sql("delete from sweep_progress").update();

        sweeper.sweep(); // no watermark yet: a full sweep

        assertThat(part).doesNotExist();
        assertThat(oldOrphan).doesNotExist();

        // Between full sweeps only the days since the watermark are listed: an old day's folder is not.
        Files.write(oldOrphan, new byte[] {5});
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.parse("2020-01-01T10:00:00Z")));
        Path recentPart = folder.resolve("def.jpg.0001.part");
        Files.write(recentPart, new byte[] {6});
        Files.setLastModifiedTime(recentPart, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        sweeper.sweep();

        assertThat(recentPart).doesNotExist();
        assertThat(oldOrphan).exists();
        sweeper.sweepWrittenBefore(Instant.now());
        assertThat(oldOrphan).doesNotExist();
    }

    private Path storageRoot() {
        return Path.of(environment.getProperty("examphoto.storage.directory")).toAbsolutePath().normalize();
    }
}
