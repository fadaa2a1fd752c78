package cn.gdeea.examphoto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chunked multipart uploads ({@code Transfer-Encoding: chunked}, no length declared) against the
 * server in its own JVM with a 384 MB heap (with 256 MB the face networks do not load): six 400 MB
 * photo uploads at once are each answered 413 in the one error shape while the client has sent
 * little more than the photo limit, and the server stays up. Before the per-endpoint multipart
 * bounds, each upload was read whole, and six of them threw {@code OutOfMemoryError}.
 */
class ChunkedUploadLimitIntegrationTests {

    private static final long UPLOAD = 400L << 20;
    private static final int PARALLEL = 6;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process server;
    private static Path log;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path photos = Files.createTempDirectory("examphoto-chunked");
        log = Files.createTempFile("examphoto-chunked", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "cn.gdeea.examphoto.ExamPhotoApplication", "--server.port=" + port, "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:mem:chunked;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--examphoto.storage.directory=" + photos, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(get("/readyz"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && Files.readString(log).contains("DEMO LOGINS")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void sixParallelChunkedFourHundredMegabytePhotoUploadsAreRefusedEarlyUnderASmallHeap() throws Exception {
        String token = login();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            answers.add(pool.submit(() -> chunkedUpload(token)));
        }
        for (Future<Answer> f : answers) {
            Answer a = f.get(5, TimeUnit.MINUTES);
            System.out.printf("chunked 400 MB upload: answered %s after %.1f MB sent%n", a.statusLine(), a.sentWhenAnswered() / 1048576.0);
            assertThat(a.statusLine()).contains(" 413");
            assertThat(a.body()).contains("\"status\":413").contains("\"code\":\"request.too_large\"");
            assertThat(a.sentWhenAnswered()).isLessThan(64L << 20);
        }
        pool.shutdown();
        assertThat(server.isAlive()).isTrue();
        assertThat(HTTP.send(get("/readyz"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(login()).isNotBlank();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }

    @Test
    void theRosterImportTakesAChunkedBodyPastThePhotoLimit() throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/staff/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Admin2026!\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = login.body().substring(login.body().indexOf("\"token\":\"") + 9);
        token = token.substring(0, token.indexOf('"'));
        String boundary = "rosterBoundary";
        StringBuilder rows = new StringBuilder("考生号,姓名,证件类型,证件号码,城市,报考点代码\n");
        while (rows.length() < (26 << 20)) {
            rows.append("bad-number,某某,居民身份证,x,广州市,440101\n");
        }
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + rows + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // An input stream body has no length: the client sends it chunked.
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/roster-imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("chunked 26 MB roster upload: " + r.statusCode() + " " + r.body());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    }

    private record Answer(String statusLine, String body, long sentWhenAnswered) {
    }

    private static Answer chunkedUpload(String token) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            AtomicLong sent = new AtomicLong();
            AtomicLong sentWhenAnswered = new AtomicLong(-1);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sentWhenAnswered.compareAndSet(-1, sent.get());
                        synchronized (received) {
                            received.write(buffer, 0, n);
                        }
                        if (received.toString(StandardCharsets.UTF_8).contains("}")) {
                            break;
                        }
                    }
                } catch (IOException closed) {
                    // the server closed the connection after answering
                }
            });
            reader.start();
            OutputStream out = socket.getOutputStream();
            String boundary = "chunkedBoundary7MA4YWxk";
            out.write(("POST /api/candidate/photos HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            chunk(out, head, head.length);
            byte[] block = new byte[1 << 20];
            try {
                while (sent.get() < UPLOAD && sentWhenAnswered.get() < 0) {
                    chunk(out, block, block.length);
                    sent.addAndGet(block.length);
                }
            } catch (IOException refused) {
                // the server stopped reading: what we wanted
            }
            reader.join(60_000);
            String text;
            synchronized (received) {
                text = received.toString(StandardCharsets.UTF_8);
            }
            String statusLine = text.lines().findFirst().orElse("(no answer)");
            int body = text.indexOf("{");
            return new Answer(statusLine, body < 0 ? "" : text.substring(body),
                    sentWhenAnswered.get() < 0 ? sent.get() : sentWhenAnswered.get());
        }
    }

    private static void chunk(OutputStream out, byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String login() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/candidate/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"candidateNumber\":\"26440106000002\",\"password\":\"Kaosheng2026\",\"agreementAccepted\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        int at = r.body().indexOf("\"token\":\"") + 9;
        return r.body().substring(at, r.body().indexOf('"', at));
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build();
    }
}
