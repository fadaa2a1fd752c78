package cn.gdeea.examphoto.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.export.ExportJob;
import cn.gdeea.examphoto.export.PhotoExport;
import cn.gdeea.examphoto.storage.PhotoKind;
import cn.gdeea.examphoto.storage.PhotoRecords;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.support.PhotoFixtures;
import cn.gdeea.examphoto.support.PhotoFixtures.Candidate;
import cn.gdeea.examphoto.support.TestDatabase;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application on its production storage option: {@code examphoto.storage.type=s3} against a
 * real S3-compatible server (S3Mock in its own JVM) — storing, sweeping and exporting.
 */
@SpringBootTest(properties = {"examphoto.storage.type=s3", "examphoto.storage.sweep-initial-delay=P1D",
        "examphoto.retention.cron=-"})
class S3StoreApplicationIntegrationTests {

    private static S3MockServer server;

    @TempDir
    Path folder;

    @Autowired
    PhotoStorage storage;

    @Autowired
    PhotoRecords photoRecords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrphanSweeper sweeper;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PhotoExport exports;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry);
        server = S3MockServer.start("examphoto-photos");
        registry.add("examphoto.storage.s3.endpoint", server::endpoint);
        registry.add("examphoto.storage.s3.region", () -> "us-east-1");
        registry.add("examphoto.storage.s3.bucket", () -> "examphoto-photos");
        registry.add("examphoto.storage.s3.access-key", () -> "test");
        registry.add("examphoto.storage.s3.secret-key", () -> "test");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesSweepsAndExportsThroughTheObjectStore() throws Exception {
        assertThat(storage).isInstanceOf(TimedPhotoStorage.class);
        assertThat(((TimedPhotoStorage) storage).delegate()).isInstanceOf(S3PhotoStorage.class);
        PhotoFixtures fixtures = new PhotoFixtures(jdbc, photoRecords);
        fixtures.point("S3P1", "广州市");
        Candidate candidate = fixtures.candidate("S3P1", "对象存储考生");
        fixtures.collected(candidate, 0);
        String[] orphan = new String[1];
        transactions.executeWithoutResult(tx -> {
            long id = photoRecords.store(candidate.id(), PhotoKind.UPLOAD, fixtures.face(1), "image/jpeg", null, null);
            orphan[0] = photoRecords.find(id).orElseThrow().storageKey();
            tx.setRollbackOnly();
        });

        sweeper.sweep();
        assertThat(storage.get(orphan[0])).as("within the grace period").isPresent();
        sweeper.sweepWrittenBefore(Instant.now().plusSeconds(5));
        assertThat(storage.get(orphan[0])).isEmpty();
        assertThat(jdbc.sql("select storage_key from photo where candidate_id = ?").param(candidate.id())
                .query(String.class).list()).hasSize(2).allSatisfy(k -> assertThat(storage.get(k)).isPresent());

        ExportJob export = exports.runInto("S3P1", folder, "test");
        assertThat(export.job().status()).isEqualTo("SUCCEEDED");
        assertThat(export.files()).singleElement().satisfies(f -> assertThat(f.candidates()).isEqualTo(1));
        byte[] local = Files.readAllBytes(folder.resolve("S3P1.zip"));
        try (InputStream in = storage.open("exports/" + export.job().id() + "/S3P1.zip").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(local);
        }
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(local))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo(candidate.number() + ".jpg");
            assertThat(zip.readAllBytes()).isEqualTo(fixtures.face(0));
        }
    }
}
