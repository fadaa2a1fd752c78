package cn.gdeea.examphoto.benchmark;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.photo.CheckSettings;
import cn.gdeea.examphoto.photo.PhotoCheckReport;
import cn.gdeea.examphoto.photo.PhotoChecker;
import cn.gdeea.examphoto.support.FaceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The speed benchmark of the photo pipeline: decode a 1600×1200 phone JPEG, run every photo
 * check (face detection and landmarks included) and compute the descriptor. Prints the median on
 * one thread (ONNX Runtime also on one thread: one core's work), the throughput with two workers
 * on the two cores, the process's peak memory, and — on the same files in the same run —
 * face-api on Node with the tfjs wasm backend.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.gdeea.examphoto.benchmark.PipelineBenchmark}
 */
public final class PipelineBenchmark {

    private static final List<String> SOURCES = List.of(
            "deepface/img1.jpg", "deepface/img2.jpg", "deepface/img3.jpg", "deepface/img5.jpg",
            "deepface/img12.jpg", "deepface/img19.jpg", "deepface/img30.jpg", "deepface/img40.jpg");
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        List<Path> photos = phonePhotos(Path.of("target", "benchmark"));
        List<byte[]> bytes = new ArrayList<>();
        for (Path p : photos) {
            bytes.add(Files.readAllBytes(p));
        }
        try (FaceEngine engine = FaceEngine.load()) {
            PhotoChecker checker = new PhotoChecker(engine, new ImageDecoder(ImageLimits.defaults()), CheckSettings.defaults());
            for (int i = 0; i < bytes.size(); i++) {
                pipeline(engine, checker, bytes.get(i)); // warm-up
            }
            double[] single = new double[bytes.size() * ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int i = 0; i < bytes.size(); i++) {
                    long t = System.nanoTime();
                    pipeline(engine, checker, bytes.get(i));
                    single[r * bytes.size() + i] = (System.nanoTime() - t) / 1e6;
                }
            }
            double throughput = throughput(engine, checker, bytes, 2);
            double ours = median(single);
            System.out.printf(Locale.ROOT, "photos: %d files of 1600x1200 (from %s), %d rounds%n", photos.size(), SOURCES, ROUNDS);
            System.out.printf(Locale.ROOT, "examphoto, decode + all checks + descriptor, one thread: median %.1f ms, p90 %.1f ms%n",
                    ours, percentile(single, 0.9));
            System.out.printf(Locale.ROOT, "examphoto, two workers on two cores: %.1f photos/s%n", throughput);
            System.out.printf(Locale.ROOT, "peak memory: resident %s MiB (VmHWM), Java heap used at end %d MiB%n",
                    peakResidentMiB(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            faceApi(photos).ifPresentOrElse(
                    theirs -> System.out.printf(Locale.ROOT,
                            "face-api 1.7.15 on Node (tfjs wasm, one thread), decode + detect + landmarks + descriptor: "
                                    + "median %.1f ms%nratio face-api / examphoto: %.1fx%n", theirs, theirs / ours),
                    () -> System.out.println("face-api comparison SKIPPED: run npm ci --prefix src/test/node"));
        }
    }

    private static void pipeline(FaceEngine engine, PhotoChecker checker, byte[] jpeg) {
        PhotoCheckReport report = checker.check(jpeg, "photo.jpg");
        if (report.face() == null) {
            throw new IllegalStateException("benchmark photo without a single face: " + report.checks());
        }
        engine.describe(report.image(), report.face());
    }

    private static double throughput(FaceEngine engine, PhotoChecker checker, List<byte[]> bytes, int workers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        int jobs = bytes.size() * ROUNDS;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            byte[] b = bytes.get(j % bytes.size());
            futures.add(pool.submit(() -> pipeline(engine, checker, b)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return jobs / seconds;
    }

    /** The sources re-encoded as 1600×1200 JPEGs at quality 0.9, as a phone's camera would give them. */
    private static List<Path> phonePhotos(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (String source : SOURCES) {
            Path target = dir.resolve(source.replace('/', '_'));
            if (!Files.exists(target)) {
                BufferedImage src = ImageIO.read(FaceData.requireFolder().resolve(source).toFile());
                boolean portrait = src.getHeight() >= src.getWidth();
                int w = portrait ? 1200 : 1600;
                int h = portrait ? 1600 : 1200;
                BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                double scale = Math.max((double) w / src.getWidth(), (double) h / src.getHeight());
                g.drawImage(src, (int) ((w - src.getWidth() * scale) / 2), (int) ((h - src.getHeight() * scale) / 2),
                        (int) (src.getWidth() * scale), (int) (src.getHeight() * scale), null);
                g.dispose();
                var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                var param = writer.getDefaultWriteParam();
                param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
                try (var stream = ImageIO.createImageOutputStream(target.toFile())) {
                    writer.setOutput(stream);
                    writer.write(null, new javax.imageio.IIOImage(scaled, null, null), param);
                }
                writer.dispose();
            }
            out.add(target);
        }
        return out;
    }

    private static java.util.Optional<Double> faceApi(List<Path> photos) throws Exception {
        Path node = Path.of("src", "test", "node");
        if (!Files.isDirectory(node.resolve("node_modules/@vladmandic/face-api"))) {
            return java.util.Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of("node", "faceapi-bench.mjs",
                "node_modules/@vladmandic/face-api/model", "--runs", "3"));
        photos.forEach(p -> command.add(p.toAbsolutePath().toString()));
        File log = Files.createTempFile("faceapi-bench", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(node.toFile())
                .redirectError(log).start();
        String json = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("face-api benchmark failed: " + Files.readString(log.toPath()));
        }
        JsonNode result = new ObjectMapper().readTree(json);
        return java.util.Optional.of(result.get("median_ms").asDouble());
    }

    private static String peakResidentMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> String.valueOf(Long.parseLong(l.replaceAll("\\D", "")) / 1024))
                .findFirst().orElse("?");
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))];
    }

    private PipelineBenchmark() {
    }
}
