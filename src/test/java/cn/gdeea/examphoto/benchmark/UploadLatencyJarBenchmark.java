package cn.gdeea.examphoto.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.storage.internal.FileSystemPhotoStorage;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.Http;
import cn.gdeea.examphoto.support.ServerProcess;
import cn.gdeea.examphoto.support.TestDatabase;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * End-to-end latency of {@code POST /api/candidate/photos} on the production jar (PostgreSQL,
 * filesystem store), with a 1600×1200-pixel phone JPEG (portrait, quality 0.9): p50/p90/p99 at
 * concurrency 1 after a warm-up, the split into decoding, checks, face descriptor, standard photo,
 * storage and database (from the node's own {@code examphoto.stage} and Hikari timers on
 * /actuator/prometheus), and the throughput of whole flows (upload+check, then verify) at
 * concurrency 4 on this 2-core machine. Not part of the build's tests: run it on demand,
 * {@code ./mvnw test -Dtest=UploadLatencyJarBenchmark} after {@code ./mvnw package}.
 */
class UploadLatencyJarBenchmark {

    private static final int CANDIDATES = Integer.getInteger("examphoto.bench.candidates", 400);
    private static final int WARM_UP = 40;
    private static final int MEASURED = Integer.getInteger("examphoto.bench.uploads", 80);
    private static final int FLOW_THREADS = 4;
    private static final String[] STAGES = {"decode", "checks", "describe", "standard", "storage.put"};

    @Test
    void uploadLatencyAndFlowThroughput() throws Exception {
        String url = TestDatabase.createPostgresDatabase();
        Path photos = Files.createTempDirectory("bench-photos");
        Path work = Files.createTempDirectory("bench-work");
        try (ServerProcess server = ServerProcess.start("bench", List.of("-Xmx1g"), List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.PG_USER,
                "--spring.datasource.password=" + TestDatabase.PG_PASSWORD, "--examphoto.demo.enabled=false",
                "--examphoto.storage.directory=" + photos, "--examphoto.work.directory=" + work,
                "--logging.level.root=WARN"));
             Connection db = DriverManager.getConnection(url, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD)) {
            byte[] jpeg = compliantPortrait();
            List<String> tokens = seed(db, new FileSystemPhotoStorage(photos));
            Http http = new Http(server.base());
            int next = 0;
            int passed = 0;
            for (int i = 0; i < WARM_UP; i++) {
                upload(http, tokens.get(next++), jpeg);
            }
            Map<String, double[]> before = scrape(http);
            double[] latency = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long t = System.nanoTime();
                Http.Response r = upload(http, tokens.get(next++), jpeg);
                latency[i] = (System.nanoTime() - t) / 1e6;
                passed += r.json().get("pass").asBoolean() ? 1 : 0;
            }
            Map<String, double[]> after = scrape(http);

            StringBuilder out = new StringBuilder();
            BufferedImage shape = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            out.append(String.format(Locale.ROOT, "POST /api/candidate/photos, %dx%d JPEG (%d KB), %d uploads at "
                            + "concurrency 1 after %d warm-up, %d passed the checks%n", shape.getWidth(), shape.getHeight(),
                    jpeg.length / 1024, MEASURED, WARM_UP, passed));
            out.append(String.format(Locale.ROOT, "  client latency: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms%n",
                    percentile(latency, 0.5), percentile(latency, 0.9), percentile(latency, 0.99)));
            double serverMs = mean(before, after, "http_server_requests_seconds", "uri=\"/api/candidate/photos\"");
            out.append(String.format(Locale.ROOT, "  server time (mean): %.1f ms; of which:%n", serverMs));
            double staged = 0;
            for (String stage : STAGES) {
                double[] d = delta(before, after, "examphoto_stage_seconds", "stage=\"" + stage + "\"");
                double perUpload = d[1] * 1000 / MEASURED;
                staged += perUpload;
                out.append(String.format(Locale.ROOT, "    %-12s %6.1f ms per upload (%4.1f%%), %.1f calls per upload%n",
                        stage, perUpload, 100 * perUpload / serverMs, d[0] / MEASURED));
            }
            double[] db1 = delta(before, after, "hikaricp_connections_usage_seconds", "pool=");
            double dbPerUpload = db1[1] * 1000 / MEASURED;
            out.append(String.format(Locale.ROOT, "    %-12s %6.1f ms per upload (%4.1f%%) connection held, %.1f "
                    + "checkouts per upload (includes storage.put done inside the transaction)%n", "database", dbPerUpload,
                    100 * dbPerUpload / serverMs, db1[0] / MEASURED));
            out.append(String.format(Locale.ROOT, "    %-12s %6.1f ms (request parsing, gate, JSON, the rest)%n", "other",
                    serverMs - staged - Math.max(0, dbPerUpload - perUploadOf(before, after, "storage.put"))));

            long dbBefore = databaseBytes(db);
            long filesBefore = folderBytes(photos);
            // Throughput of whole candidate flows: upload (+checks), then verification.
            AtomicInteger flows = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<String> left = tokens.subList(next, tokens.size());
            ExecutorService pool = Executors.newFixedThreadPool(FLOW_THREADS);
            AtomicInteger cursor = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < FLOW_THREADS; t++) {
                runs.add(pool.submit(() -> {
                    int i;
                    while ((i = cursor.getAndIncrement()) < left.size()) {
                        String token = left.get(i);
                        Http.Response up = upload(http, token, jpeg);
                        if (up.status() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        Http.Response v = http.postJson("/api/candidate/submissions/" + up.json().get("submissionId").asLong()
                                + "/verification", token, Map.of());
                        if (v.status() == 200) {
                            flows.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            out.append(String.format(Locale.ROOT, "flows (upload+check, verify) at concurrency %d: %d in %.1f s = %.1f "
                            + "flows/s, %d errors, on %d cores%n", FLOW_THREADS, flows.get(), seconds, flows.get() / seconds,
                    errors.get(), Runtime.getRuntime().availableProcessors()));
            long flowCount = Math.max(1, flows.get());
            out.append(String.format(Locale.ROOT, "growth per flow: database %.1f KB (pg_database_size), photo store %.1f KB%n",
                    (databaseBytes(db) - dbBefore) / 1024.0 / flowCount, (folderBytes(photos) - filesBefore) / 1024.0 / flowCount));
            System.out.print(out);
            assertThat(passed).as("the benchmark photo must pass the checks, or the split is not the full path").isEqualTo(MEASURED);
        }
    }

    private static long databaseBytes(Connection db) throws Exception {
        db.createStatement().execute("checkpoint");
        try (var rs = db.createStatement().executeQuery("select pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long folderBytes(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double perUploadOf(Map<String, double[]> before, Map<String, double[]> after, String stage) {
        return delta(before, after, "examphoto_stage_seconds", "stage=\"" + stage + "\"")[1] * 1000 / MEASURED;
    }

    private static Http.Response upload(Http http, String token, byte[] jpeg) {
        Http.Response r = http.postFiles("/api/candidate/photos", token, Map.of("file", Map.entry("me.jpg", jpeg)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** Candidates with a reference photo (the same person as the upload) and a token each. */
    private static List<String> seed(Connection db, FileSystemPhotoStorage store) throws Exception {
        String hash = new BCryptPasswordEncoder().encode("Bench-1");
        byte[] reference = Files.readAllBytes(FaceData.requireFolder().resolve("deepface/img1.jpg"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(reference));
        try (Statement s = db.createStatement()) {
            s.execute("insert into registration_point (code, name, city, phone) values ('440001', '报考点', '广州市', '020')");
            s.execute("insert into candidate (candidate_number, name, document_type, document_number, city, point_code, password_hash) "
                    + "select '2744' || lpad(g::text, 10, '0'), '考生' || g, 'ID_CARD', 'x', '广州市', '440001', '" + hash
                    + "' from generate_series(0, " + (CANDIDATES - 1) + ") g");
            s.execute("insert into photo (candidate_id, kind, storage_key, content_type, size_bytes, sha256) "
                    + "select id, 'REFERENCE', 'photos/2026/01/01/ref-' || id || '.jpg', 'image/jpeg', " + reference.length
                    + ", '" + sha + "' from candidate");
            s.execute("update candidate c set reference_photo_id = p.id from photo p where p.candidate_id = c.id");
        }
        List<String> tokens = new ArrayList<>();
        try (var rs = db.createStatement().executeQuery("select id from candidate order by id");
             PreparedStatement ps = db.prepareStatement("insert into auth_token (token_hash, principal_kind, principal_id, "
                     + "expires_at) values (?, 'CANDIDATE', ?, current_timestamp + interval '2 hours')")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                store.put("photos/2026/01/01/ref-" + id + ".jpg", reference, "image/jpeg");
                String token = "bench-" + UUID.randomUUID();
                ps.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.US_ASCII))));
                ps.setLong(2, id);
                ps.executeUpdate();
                tokens.add(token);
            }
        }
        return tokens;
    }

    /**
     * A guide-compliant portrait of the person of the reference photo (another photo of them,
     * composed on a light wall), so that every upload runs the whole path: checks, descriptor,
     * standard photo, and a verification that can match.
     */
    static byte[] compliantPortrait() {
        try (cn.gdeea.examphoto.face.FaceEngine engine = cn.gdeea.examphoto.face.FaceEngine.load()) {
            byte[] jpeg = cn.gdeea.examphoto.photo.evaluation.GuidePortraits.jpeg("deepface/img6.jpg", 0, engine).orElseThrow();
            return jpeg;
        }
    }

    /** A 1200×1600 portrait at JPEG quality 0.9, as a phone's camera gives it. */
    static byte[] phonePhoto() throws Exception {
        BufferedImage src = ImageIO.read(FaceData.requireFolder().resolve("deepface/img1.jpg").toFile());
        BufferedImage scaled = new BufferedImage(1200, 1600, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        double scale = Math.max(1200.0 / src.getWidth(), 1600.0 / src.getHeight());
        g.drawImage(src, (int) ((1200 - src.getWidth() * scale) / 2), (int) ((1600 - src.getHeight() * scale) / 2),
                (int) (src.getWidth() * scale), (int) (src.getHeight() * scale), null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(scaled, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    // ---- Prometheus text ----

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:]+)\\{([^}]*)\\}\\s+([0-9.eE+-]+)$");

    /** name{labels} → value, for the _count and _sum series. */
    private static Map<String, double[]> scrape(Http http) {
        Http.Response r = http.get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        Map<String, double[]> values = new HashMap<>();
        for (String line : r.body().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                values.put(m.group(1) + "{" + m.group(2) + "}", new double[] {Double.parseDouble(m.group(3))});
            }
        }
        return values;
    }

    /** {count, sum} increase of a timer's series whose labels contain {@code label}, summed over matching series. */
    private static double[] delta(Map<String, double[]> before, Map<String, double[]> after, String metric, String label) {
        double count = 0;
        double sum = 0;
        for (var e : after.entrySet()) {
            String key = e.getKey();
            if (!key.contains(label)) {
                continue;
            }
            double was = before.containsKey(key) ? before.get(key)[0] : 0;
            if (key.startsWith(metric + "_count{")) {
                count += e.getValue()[0] - was;
            } else if (key.startsWith(metric + "_sum{")) {
                sum += e.getValue()[0] - was;
            }
        }
        return new double[] {count, sum};
    }

    private static double mean(Map<String, double[]> before, Map<String, double[]> after, String metric, String label) {
        double[] d = delta(before, after, metric, label);
        return d[0] == 0 ? Double.NaN : d[1] * 1000 / d[0];
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))];
    }
}
