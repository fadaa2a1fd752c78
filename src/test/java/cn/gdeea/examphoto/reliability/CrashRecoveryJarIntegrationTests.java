package cn.gdeea.examphoto.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.roster.RosterFixtures;
import cn.gdeea.examphoto.storage.PhotoStorage;
import cn.gdeea.examphoto.storage.StorageSettings;
import cn.gdeea.examphoto.storage.internal.FileSystemPhotoStorage;
import cn.gdeea.examphoto.storage.internal.S3MockServer;
import cn.gdeea.examphoto.storage.internal.S3PhotoStorage;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.Http;
import cn.gdeea.examphoto.support.ServerProcess;
import cn.gdeea.examphoto.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * kill -9 of the production jar on PostgreSQL, with the filesystem store and with S3 (S3Mock):
 * during 50 parallel photo uploads, during a roster import and during an export; each time the
 * server is started again (a new process, as after a crash) and the outcome counted: accepted
 * uploads (HTTP 200) whose rows or files are missing, files without rows after the sweep, work
 * files left behind, and jobs that never finish. Each count must be 0; all are printed.
 *
 * <p>Runs after {@code package} (failsafe), as it needs the jar. {@code -Dexamphoto.crash.long=true}
 * runs the longer version (200 uploads, 300,000 roster rows, 5,000 exported photos).
 */
class CrashRecoveryJarIntegrationTests {

    private static final boolean LONG = Boolean.getBoolean("examphoto.crash.long");
    private static final int UPLOADS = LONG ? 200 : 50;
    private static final int ROSTER_ROWS = LONG ? 500_000 : 200_000;
    private static final int EXPORTED_FILES = LONG ? 8_000 : 3_000;
    /** S3Mock takes each seeded photo as one HTTP PUT: fewer of them keep the S3 run within minutes. */
    private static final int EXPORTED_S3 = LONG ? 8_000 : 400;

    /** Collected candidates to export in this run (per store). */
    private int exportedPhotos = EXPORTED_FILES;
    private static final int POINTS = 40;
    private static final String PASSWORD = "Crash-test-1";
    private static final String OLD_NAME = "旧名";

    @Test
    void nothingAcceptedIsLostOnTheFileSystemStore() throws Exception {
        Path photos = Files.createTempDirectory("crash-photos");
        run("filesystem", List.of("--examphoto.storage.type=filesystem", "--examphoto.storage.directory=" + photos),
                new FileSystemPhotoStorage(photos));
    }

    @Test
    void nothingAcceptedIsLostOnTheS3Store() throws Exception {
        try (S3MockServer s3 = S3MockServer.start("photos");
             S3PhotoStorage store = S3PhotoStorage.create(new StorageSettings.S3(s3.endpoint(), "us-east-1", "photos",
                     "test", "test", true))) {
            run("s3", List.of("--examphoto.storage.type=s3", "--examphoto.storage.s3.endpoint=" + s3.endpoint(),
                    "--examphoto.storage.s3.region=us-east-1", "--examphoto.storage.s3.bucket=photos",
                    "--examphoto.storage.s3.access-key=test", "--examphoto.storage.s3.secret-key=test",
                    "--examphoto.storage.s3.path-style=true"), store);
        }
    }

    private void run(String storeName, List<String> storeArgs, PhotoStorage store) throws Exception {
        exportedPhotos = "s3".equals(storeName) ? EXPORTED_S3 : EXPORTED_FILES;
        ServerProcess.jar();
        String url = TestDatabase.createPostgresDatabase();
        Path work = Files.createTempDirectory("crash-work");
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.PG_USER, "--spring.datasource.password=" + TestDatabase.PG_PASSWORD,
                "--examphoto.demo.enabled=false", "--examphoto.work.directory=" + work,
                "--examphoto.jobs.stale-after=PT8S", "--examphoto.jobs.heartbeat=PT2S", "--examphoto.jobs.poll=PT1S",
                "--examphoto.storage.sweep-initial-delay=P1D"));
        args.addAll(storeArgs);
        List<String> jvm = List.of("-Xmx1g");
        StringBuilder report = new StringBuilder();
        List<ServerProcess> servers = new ArrayList<>();
        try {
            runPhases(storeName, store, url, work, args, jvm, report, servers);
        } finally {
            servers.forEach(ServerProcess::kill); // none is left running, whatever failed
        }
    }

    private static ServerProcess started(List<ServerProcess> servers, String name, List<String> jvm, List<String> args) {
        ServerProcess server = ServerProcess.start(name, jvm, args);
        servers.add(server);
        return server;
    }

    private void runPhases(String storeName, PhotoStorage store, String url, Path work, List<String> args,
                           List<String> jvm, StringBuilder report, List<ServerProcess> servers) throws Exception {

        // Kill 1: during parallel uploads. Kill 2: during a roster import past its first committed
        // chunk and an export past its first archive, both at once (workers=2).
        List<String> crashArgs = new ArrayList<>(args);
        crashArgs.add("--examphoto.jobs.workers=2");
        ServerProcess a = started(servers, storeName + "-a", jvm, crashArgs);
        try (Connection db = DriverManager.getConnection(url, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD)) {
            seed(db, store, exportedPhotos);
            Http http = new Http(a.base());
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tokens.add(login(http, uploader(i)));
            }
            // The rest get their tokens straight from the table: the per-address login throttle
            // lets one loopback client log in about once a second, and that is not under test here.
            for (int i = 3; i < UPLOADS; i++) {
                tokens.add(issueToken(db, uploader(i)));
            }
            byte[] jpeg = phonePhoto();
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger unexpected = new AtomicInteger();
            List<Future<Http.Response>> uploads = new ArrayList<>();
            for (String token : tokens) {
                uploads.add(pool.submit(() -> {
                    Http.Response r = http.postFiles("/api/candidate/photos", token, Map.of("file", Map.entry("me.jpg", jpeg)));
                    if (r.status() == 200) {
                        answered.incrementAndGet();
                    } else if (r.status() != 503) {
                        unexpected.incrementAndGet();
                        System.out.println("upload answered " + r.status() + ": " + r.body());
                    }
                    return r;
                }));
            }
            long sent = System.nanoTime();
            await("some uploads answered", Duration.ofSeconds(300), () -> answered.get() >= Math.max(3, UPLOADS / 10)
                    || unexpected.get() > 0 || (answered.get() > 0 && uploads.stream().filter(Future::isDone).count() >= UPLOADS - 2));
            assertThat(unexpected.get()).as("uploads answered other than 200 or 503").isZero();
            double secondsToAnswers = (System.nanoTime() - sent) / 1e9;
            a.kill();
            List<Long> accepted = new ArrayList<>();
            int cut = 0;
            int refused = 0;
            for (Future<Http.Response> f : uploads) {
                Http.Response r = f.get();
                if (r.status() == 200) {
                    accepted.add(r.json().get("submissionId").asLong());
                } else if (r.status() == -1) {
                    cut++;
                } else {
                    refused++;
                }
            }
            pool.shutdown();

            ServerProcess b0 = started(servers, storeName + "-b", jvm, crashArgs);
            Http onB = new Http(b0.base());
            String admin = adminToken(onB);
            Path csv = Files.createTempFile(work.getParent(), "crash-roster", ".csv");
            RosterFixtures.writeCsv(csv, ROSTER_ROWS, POINTS, "");
            Http.Response started = onB.postFiles("/api/admin/roster-imports", admin,
                    Map.of("file", Map.entry("roster.csv", Files.readAllBytes(csv))));
            Files.delete(csv);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String importJob = started.json().get("id").asText();
            Http.Response second = onB.postFiles("/api/admin/roster-imports", admin,
                    Map.of("file", Map.entry("roster.csv", (RosterFixtures.HEADER + "\n" + RosterFixtures.line(1, POINTS, "") + "\n")
                            .getBytes(StandardCharsets.UTF_8))));
            assertThat(second.status()).as("a second import at the same time is refused: " + second.body()).isEqualTo(409);
            Http.Response export = onB.postJson("/api/admin/exports", admin, Map.of());
            assertThat(export.status()).as(export.body()).isEqualTo(202);
            String exportJob = export.json().get("job").get("id").asText();
            await("the import's first chunk and the export's first archive committed", Duration.ofSeconds(600),
                    () -> (checkpoint(db, importJob) != null
                            && count(db, "select count(*) from export_file where job_id = ?", exportJob) > 0)
                            || finished(db, importJob) || finished(db, exportJob));
            assertThat(finished(db, importJob)).as("the import ended before the kill; make it longer").isFalse();
            assertThat(finished(db, exportJob)).as("the export ended before the kill; make it longer").isFalse();
            String importKilledAt = checkpoint(db, importJob);
            long archivesAtKill = count(db, "select count(*) from export_file where job_id = ?", exportJob);
            b0.kill();
            long orphansAtKill = unreferenced(db, store);
            long workAtKill = workFilesLeft(work);

            // The restart, with a quick sweep: no upload is in flight on the new process.
            List<String> sweepArgs = new ArrayList<>(args);
            sweepArgs.removeIf(x -> x.startsWith("--examphoto.storage.sweep-initial-delay"));
            sweepArgs.addAll(List.of("--examphoto.storage.sweep-grace=PT5S", "--examphoto.storage.sweep-initial-delay=PT5S",
                    "--examphoto.storage.sweep-interval=PT5S"));
            ServerProcess b = started(servers, storeName + "-c", jvm, sweepArgs);
            try {
                long lost = accepted.stream().filter(id -> !submissionIntact(db, store, id)).count();
                report.append(String.format(Locale.ROOT, "uploads: %d sent in parallel, %d accepted (HTTP 200) before "
                        + "the kill (%.1f s after they were sent), %d cut by it, %d refused; accepted but photo or row missing "
                        + "after restart: %d%n", UPLOADS, accepted.size(), secondsToAnswers, cut, refused, lost));
                assertThat(lost).isZero();

                await("the import resumed and ended", Duration.ofSeconds(900), () -> finished(db, importJob));
                String importStatus = single(db, "select status || ' on attempt ' || attempt from job where id = ?", importJob);
                long stale = count(db, "select count(*) from candidate where candidate_number like '2644%' and name = ?", OLD_NAME);
                long wrong = count(db, "select count(*) from candidate where candidate_number = ? and name <> ?",
                        RosterFixtures.candidateNumber(ROSTER_ROWS - 1), RosterFixtures.name(ROSTER_ROWS - 1));
                report.append(String.format(Locale.ROOT, "roster import: %d rows, killed after row %s was committed, then "
                        + "%s; rows not imported: %d, rows wrong: %d%n", ROSTER_ROWS, importKilledAt.split(",")[0],
                        importStatus, stale, wrong));
                assertThat(importStatus).startsWith("SUCCEEDED");
                assertThat(stale + wrong).isZero();

                await("the export resumed and ended", Duration.ofSeconds(900), () -> finished(db, exportJob));
                String exportStatus = single(db, "select status || ' on attempt ' || attempt from job where id = ?", exportJob);
                long archives = count(db, "select count(*) from export_file where job_id = ?", exportJob);
                long exported = count(db, "select coalesce(sum(candidates), 0) from export_file where job_id = ?", exportJob);
                long missingArchives = 0;
                try (PreparedStatement ps = db.prepareStatement("select storage_key from export_file where job_id = ?")) {
                    ps.setString(1, exportJob);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            missingArchives += store.get(rs.getString(1)).isPresent() ? 0 : 1;
                        }
                    }
                }
                report.append(String.format(Locale.ROOT, "export: killed after %d of %d archives, then %s: %d archives, "
                        + "%d of %d photos, archives missing: %d%n", archivesAtKill, POINTS, exportStatus, archives,
                        exported, exportedPhotos, missingArchives));
                assertThat(exportStatus).startsWith("SUCCEEDED");
                assertThat(archives).isEqualTo(POINTS);
                assertThat(exported).isEqualTo(exportedPhotos);
                assertThat(missingArchives).isZero();

                OffsetDateTime exportEnd = finishedAt(db, exportJob);
                await("a sweep after the export", Duration.ofSeconds(300), () -> sweptAfter(db, exportEnd));
                long orphansAfter = unreferenced(db, store);
                long unfinished = count(db, "select count(*) from job where status <> 'SUCCEEDED'");
                long workLeft = workFilesLeft(work);
                report.append(String.format(Locale.ROOT, "files without rows: %d right after the kill, %d after the sweep; "
                        + "work files: %d right after the kill, %d after the restart; jobs that never finished: %d%n",
                        orphansAtKill, orphansAfter, workAtKill, workLeft, unfinished));
                assertThat(orphansAfter).isZero();
                assertThat(unfinished).isZero();
                assertThat(workLeft).isZero();
            } finally {
                b.close();
                System.out.print("crash test [" + storeName + ", PostgreSQL" + (LONG ? ", long" : "") + "]\n" + report);
            }
        }
    }

    private static String issueToken(Connection db, String candidateNumber) throws Exception {
        String token = "crash-" + java.util.UUID.randomUUID();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        try (PreparedStatement ps = db.prepareStatement("insert into auth_token (token_hash, principal_kind, principal_id, expires_at) "
                + "select ?, 'CANDIDATE', id, current_timestamp + interval '2 hours' from candidate where candidate_number = ?")) {
            ps.setString(1, hash);
            ps.setString(2, candidateNumber);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return token;
    }

    private static String login(Http http, String candidateNumber) throws InterruptedException {
        while (true) {
            Http.Response r = http.postJson("/api/candidate/session", null, Map.of(
                    "candidateNumber", candidateNumber, "password", PASSWORD, "agreementAccepted", true));
            if (r.status() == 429) {
                Thread.sleep(1100); // the per-address login throttle: all test logins come from 127.0.0.1
                continue;
            }
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json().get("token").asText();
        }
    }

    // ---- seeding ----

    private static String uploader(int i) {
        return String.format("2744%010d", i);
    }

    private static void seed(Connection db, PhotoStorage store, int exported) throws Exception {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        try (Statement s = db.createStatement()) {
            s.execute("insert into registration_point (code, name, city, phone) select '44' || lpad(g::text, 4, '0'), "
                    + "'报考点' || g, '广州市', '020-1' from generate_series(0, " + (POINTS - 1) + ") g");
            s.execute("insert into staff_account (username, display_name, password_hash, role) values "
                    + "('crash-admin', '管理员', '" + hash + "', 'ADMIN')");
            s.execute("insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash) "
                    + "select '2744' || lpad(g::text, 10, '0'), '上传' || g, 'ID_CARD', 'x', '广州市', '440000', '" + hash
                    + "' from generate_series(0, " + (UPLOADS - 1) + ") g");
            s.execute("insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash) "
                    + "select '2644' || lpad(g::text, 10, '0'), '" + OLD_NAME + "', 'ID_CARD', 'x', '广州市', "
                    + "'44' || lpad((g % " + POINTS + ")::text, 4, '0'), '" + hash + "' from generate_series(0, "
                    + (ROSTER_ROWS - 1) + ") g");
            s.execute("insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash) "
                    + "select '2844' || lpad(g::text, 10, '0'), '导出' || g, 'ID_CARD', 'x', '广州市', "
                    + "'44' || lpad((g % " + POINTS + ")::text, 4, '0'), '" + hash + "' from generate_series(0, "
                    + (exported - 1) + ") g");
        }
        // The uploaders have a reference photo (without one a candidate goes to manual review).
        byte[] reference = Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img2.jpg"));
        String referenceSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(reference));
        try (Statement st = db.createStatement()) {
            st.execute("insert into photo (candidate_id, kind, storage_key, content_type, size_bytes, sha256) "
                    + "select id, 'REFERENCE', 'photos/2026/01/01/ref-' || id || '.jpg', 'image/jpeg', " + reference.length
                    + ", '" + referenceSha + "' from candidate where candidate_number like '2744%'");
            st.execute("update candidate c set reference_photo_id = p.id from photo p where p.candidate_id = c.id "
                    + "and p.kind = 'REFERENCE'");
        }
        try (ResultSet rs = db.createStatement().executeQuery("select storage_key from photo where kind = 'REFERENCE'")) {
            while (rs.next()) {
                store.put(rs.getString(1), reference, "image/jpeg");
            }
        }
        // Collected candidates with a standard photo each, for the export.
        byte[] standard = Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(standard));
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("select id from candidate where candidate_number like '2844%' order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (long id : ids) {
            puts.add(pool.submit(() -> store.put("photos/2026/01/01/seed-" + id + ".jpg", standard, "image/jpeg")));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
        try (Statement st = db.createStatement()) {
            st.execute("insert into photo (candidate_id, kind, storage_key, content_type, size_bytes, sha256) "
                    + "select id, 'STANDARD', 'photos/2026/01/01/seed-' || id || '.jpg', 'image/jpeg', " + standard.length
                    + ", '" + sha + "' from candidate where candidate_number like '2844%'");
            st.execute("insert into submission (candidate_id, photo_id, standard_photo_id, checks_passed, check_report) "
                    + "select candidate_id, id, id, true, '{}' from photo where storage_key like 'photos/2026/01/01/seed-%'");
            st.execute("update candidate c set state = 'COLLECTED', collected_submission_id = s.id from submission s "
                    + "where s.candidate_id = c.id and c.candidate_number like '2844%'");
        }
    }

    /** A 1600×1200 phone-camera JPEG of a face. */
    static byte[] phonePhoto() throws IOException {
        java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(FaceData.requireFolder().resolve("deepface/img1.jpg").toFile());
        java.awt.image.BufferedImage scaled = new java.awt.image.BufferedImage(1200, 1600, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        double scale = Math.max(1200.0 / src.getWidth(), 1600.0 / src.getHeight());
        g.drawImage(src, (int) ((1200 - src.getWidth() * scale) / 2), (int) ((1600 - src.getHeight() * scale) / 2),
                (int) (src.getWidth() * scale), (int) (src.getHeight() * scale), null);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(scaled, "jpeg", out);
        return out.toByteArray();
    }

    private static String adminToken(Http http) {
        Http.Response r = http.postJson("/api/staff/session", null, Map.of("username", "crash-admin", "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    // ---- counting ----

    private static boolean submissionIntact(Connection db, PhotoStorage store, long submissionId) {
        try (PreparedStatement ps = db.prepareStatement("""
                select p.storage_key, sp.storage_key, s.standard_photo_id from submission s join photo p on p.id = s.photo_id
                left join photo sp on sp.id = s.standard_photo_id where s.id = ?""")) {
            ps.setLong(1, submissionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                boolean upload = store.get(rs.getString(1)).isPresent();
                boolean standard = rs.getObject(3) == null || store.get(rs.getString(2)).isPresent();
                return upload && standard;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored files no row refers to (.part files included). */
    private static long unreferenced(Connection db, PhotoStorage store) throws SQLException {
        Set<String> referenced = new HashSet<>();
        for (String q : List.of("select storage_key from photo", "select storage_key from export_file",
                "select report_key from job where report_key is not null", "select result_key from job where result_key is not null")) {
            try (ResultSet rs = db.createStatement().executeQuery(q)) {
                while (rs.next()) {
                    referenced.add(rs.getString(1));
                }
            }
        }
        Set<String> liveJobs = new HashSet<>();
        try (ResultSet rs = db.createStatement().executeQuery("select id from job where status in ('QUEUED', 'RUNNING')")) {
            while (rs.next()) {
                liveJobs.add(rs.getString(1));
            }
        }
        long[] orphans = new long[1];
        for (String prefix : List.of("photos/", "exports/", "reports/", "imports/")) {
            store.list(prefix, f -> {
                boolean liveImport = prefix.equals("imports/") && liveJobs.stream().anyMatch(j -> f.key().startsWith("imports/" + j + "/"));
                if (!referenced.contains(f.key()) && !liveImport) {
                    orphans[0]++;
                }
            });
        }
        return orphans[0];
    }

    private static long workFilesLeft(Path work) throws IOException {
        // Only the running process's own folder may remain (it holds its .lock and nothing else while idle).
        try (var files = Files.walk(work)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock")).count();
        }
    }

    private static boolean sweptAfter(Connection db, OffsetDateTime t) {
        try (PreparedStatement ps = db.prepareStatement("select count(*) from sweep_progress where name = 'photos' and swept_until > ?")) {
            ps.setObject(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime finishedAt(Connection db, String job) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select finished_at from job where id = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private static boolean finished(Connection db, String job) {
        String status = single(db, "select status from job where id = ?", job);
        return "SUCCEEDED".equals(status) || "FAILED".equals(status);
    }

    private static String checkpoint(Connection db, String job) {
        return single(db, "select checkpoint from job where id = ?", job);
    }

    private static String single(Connection db, String sql, Object... params) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection db, String sql, Object... params) {
        return Long.parseLong(single(db, sql, params));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
