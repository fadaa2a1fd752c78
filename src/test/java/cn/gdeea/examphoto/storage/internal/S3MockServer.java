package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.support.Skip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: Adobe S3Mock's executable jar (copied into
 * {@code target/s3mock} by the build, see the pom) started as its own JVM, because S3Mock is a
 * Spring Boot application that must not share our test context. Answers plain HTTP on a free port.
 */
public final class S3MockServer implements AutoCloseable {

    private final Process process;
    private final Path root;
    private final Path log;
    private final int port;

    private S3MockServer(Process process, Path root, Path log, int port) {
        this.process = process;
        this.root = root;
        this.log = log;
        this.port = port;
    }

    /** Starts S3Mock with the buckets created and waits until it answers (skips the test when the jar is missing). */
    public static S3MockServer start(String... buckets) {
        Path jar = Path.of(System.getProperty("examphoto.s3mock.jar", "target/s3mock/s3mock-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            Skip.because("S3Mock jar not found at " + jar + " (the build copies it in process-test-resources)");
        }
        try {
            int httpPort = freePort();
            int httpsPort = freePort();
            Path root = Files.createTempDirectory("s3mock-root");
            Path log = Files.createTempFile("s3mock", ".log");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + httpsPort,
                    "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                    "--logging.level.root=WARN"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3MockServer server = new S3MockServer(process, root, log, httpPort);
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + timeout + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
