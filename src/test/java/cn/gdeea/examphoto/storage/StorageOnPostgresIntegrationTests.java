package cn.gdeea.examphoto.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.export.ExportJob;
import cn.gdeea.examphoto.export.PhotoExport;
import cn.gdeea.examphoto.storage.internal.OrphanSweeper;
import cn.gdeea.examphoto.retention.RetentionPurge;
import cn.gdeea.examphoto.support.PhotoFixtures;
import cn.gdeea.examphoto.support.PhotoFixtures.Candidate;
import cn.gdeea.examphoto.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Sweeper, retention purge and export SQL on the real PostgreSQL server (H2 runs the full suites). */
@SpringBootTest(properties = {"examphoto.storage.sweep-initial-delay=P1D", "examphoto.retention.cron=-"})
class StorageOnPostgresIntegrationTests {

    @TempDir
    Path folder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PhotoRecords photoRecords;

    @Autowired
    PhotoStorage storage;

    @Autowired
    OrphanSweeper sweeper;

    @Autowired
    RetentionPurge purge;

    @Autowired
    PhotoExport exports;

    @Autowired
    TransactionTemplate transactions;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.postgres(registry);
    }

    @Test
    void sweepsPurgesAndExportsOnPostgres() throws Exception {
        PhotoFixtures fixtures = new PhotoFixtures(jdbc, photoRecords);
        fixtures.point("PG1", "广州市");
        Candidate kept = fixtures.candidate("PG1", "在读考生");
        fixtures.collected(kept, 0);
        Candidate old = fixtures.candidate("PG1", "往届考生");
        var oldSubmission = fixtures.submission(old, 1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(400));
        fixtures.collect(old, oldSubmission);
        List<String> oldKeys = jdbc.sql("select storage_key from photo where candidate_id = ?").param(old.id()).query(String.class).list();
        String[] orphan = new String[1];
        transactions.executeWithoutResult(tx -> {
            long id = photoRecords.store(kept.id(), PhotoKind.UPLOAD, fixtures.face(2), "image/jpeg", null, null);
            orphan[0] = photoRecords.find(id).orElseThrow().storageKey();
            tx.setRollbackOnly();
        });
        String orphanExport = PhotoKeys.EXPORTS + "gone-job/PG1.zip";
        storage.put(orphanExport, new byte[] {1}, "application/zip");

        ExportJob before = exports.runInto("PG1", folder.resolve("before"), "test");
        try (ZipFile zip = new ZipFile(folder.resolve("before/PG1.zip").toFile())) {
            assertThat(zip.size()).isEqualTo(3);
        }
        sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5));
        assertThat(storage.get(orphan[0])).isEmpty();
        assertThat(storage.get(orphanExport)).isEmpty();
        assertThat(storage.get("exports/" + before.job().id() + "/PG1.zip")).isPresent();

        RetentionPurge.PurgeResult result = purge.purge(Instant.now().minus(Duration.ofDays(30)), null);
        assertThat(result.candidates()).isEqualTo(1);
        assertThat(oldKeys).hasSize(2).allSatisfy(k -> assertThat(storage.get(k)).isEmpty());

        ExportJob after = exports.runInto("PG1", folder.resolve("after"), "test");
        assertThat(after.job().message()).contains("1 张照片缺失");
        try (ZipFile zip = new ZipFile(folder.resolve("after/PG1.zip").toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).toList()).containsExactlyInAnyOrder(kept.number() + ".jpg", "manifest.csv");
        }
        assertThat(Files.exists(folder.resolve("after/PG1.zip"))).isTrue();
    }
}
