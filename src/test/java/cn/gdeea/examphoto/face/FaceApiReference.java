package cn.gdeea.examphoto.face;

import cn.gdeea.examphoto.image.RgbImage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the original {@code @vladmandic/face-api} (Node, tfjs wasm backend) on the same pixels the
 * Java engine sees, so tests can compare the port against it. The harness lives in
 * {@code src/test/node} and needs {@code npm ci --prefix src/test/node} first; tests should skip
 * with {@link #unavailableReason()} when it is missing rather than fail.
 *
 * <p>Images travel as binary PPM files so Node never decodes a JPEG itself: a second decoder could
 * differ by a few grey levels and every comparison would inherit that noise.
 */
public final class FaceApiReference {

    /** The harness folder; relative paths resolve against the Maven project directory surefire runs in. */
    static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();

    private static final Path FACE_API_PACKAGE = NODE_DIR.resolve(Path.of("node_modules", "@vladmandic", "face-api"));
    private static final String MODEL_DIR = "node_modules/@vladmandic/face-api/model";
    private static final String SCRIPT = "faceapi-golden.mjs";
    private static final long BASE_TIMEOUT_SECONDS = 300;
    // Large batches (e.g. every image in pairs.tsv) legitimately take longer than the base timeout.
    private static final long TIMEOUT_SECONDS_PER_IMAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaceApiReference() {
    }

    /** All faces face-api found in one image, in face-api's order (descending score after NMS). */
    public record ReferenceFaces(List<ReferenceFace> faces) {
    }

    /**
     * One face-api result. {@code box} is the SSD detection box, {@code alignedBox} the box face-api
     * derives from the landmarks to crop the recogniser input; both and the landmarks are absolute
     * pixels. The descriptor is face-api's raw output, not unit-normalised.
     */
    public record ReferenceFace(double score, Box box, List<Point> landmarks, Box alignedBox, float[] descriptor) {
    }

    /**
     * Network outputs on the whole image, to compare a port layer by layer.
     *
     * @param ssdBoxes      5118 decoded anchors as {@code [ymin, xmin, ymax, xmax]}, relative to the
     *                      zero-padded (bottom/right) 512x512 square, before clipping and NMS
     * @param ssdScores     5118 face scores after the sigmoid
     * @param landmarks136  interleaved x, y; see {@code landmarksKind}
     * @param landmarksKind {@code "runNet"}: the fully connected output of faceLandmark68Net on the
     *                      centre-padded 112x112 input, in that square's 0..1 coordinates; or
     *                      {@code "postProcessed"}: face-api's forwardInput, 0..1 of the unpadded image
     * @param descriptor    faceRecognitionNet.computeFaceDescriptor on the whole (centre-padded) image
     */
    public record RawOutputs(float[][] ssdBoxes, float[] ssdScores, float[] landmarks136, String landmarksKind,
                             float[] descriptor) {
    }

    /** Empty when the Node harness can run; otherwise why not, for a test's skip message. */
    public static Optional<String> unavailableReason() {
        if (findNode().isEmpty()) {
            return Optional.of("face-api reference unavailable: no 'node' executable on PATH");
        }
        if (!Files.isDirectory(FACE_API_PACKAGE)) {
            return Optional.of("face-api reference unavailable: " + FACE_API_PACKAGE
                    + " is missing; run: npm ci --prefix src/test/node --no-audit --no-fund");
        }
        return Optional.empty();
    }

    /** face-api's full pipeline (SSD, 68 landmarks, descriptors) on each image, in input order. */
    public static List<ReferenceFaces> detect(List<RgbImage> images) {
        List<ReferenceFaces> result = new ArrayList<>(images.size());
        for (JsonNode line : run(images, false)) {
            List<ReferenceFace> faces = new ArrayList<>();
            for (JsonNode face : line.get("faces")) {
                List<Point> landmarks = new ArrayList<>(68);
                for (JsonNode p : face.get("landmarks")) {
                    landmarks.add(new Point(p.get(0).doubleValue(), p.get(1).doubleValue()));
                }
                faces.add(new ReferenceFace(face.get("score").doubleValue(), box(face.get("box")),
                        List.copyOf(landmarks), box(face.get("alignedBox")), floats(face.get("descriptor"))));
            }
            result.add(new ReferenceFaces(List.copyOf(faces)));
        }
        return result;
    }

    /** The individual networks' outputs on each whole image, in input order. */
    public static List<RawOutputs> raw(List<RgbImage> images) {
        List<RawOutputs> result = new ArrayList<>(images.size());
        for (JsonNode line : run(images, true)) {
            JsonNode boxes = line.get("ssd").get("boxes");
            float[][] ssdBoxes = new float[boxes.size()][];
            for (int i = 0; i < ssdBoxes.length; i++) {
                ssdBoxes[i] = floats(boxes.get(i));
            }
            result.add(new RawOutputs(ssdBoxes, floats(line.get("ssd").get("scores")),
                    floats(line.get("landmarks136")), line.get("landmarksKind").asText(),
                    floats(line.get("descriptor"))));
        }
        return result;
    }

    private static List<JsonNode> run(List<RgbImage> images, boolean rawMode) {
        if (images.isEmpty()) {
            return List.of();
        }
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("faceapi-reference");
            List<String> command = new ArrayList<>(List.of(findNode().orElseThrow().toString(), SCRIPT));
            if (rawMode) {
                command.add("--raw");
            }
            command.add(MODEL_DIR);
            List<String> files = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                Path ppm = tmp.resolve("image-" + i + ".ppm");
                writePpm(images.get(i), ppm);
                files.add(ppm.toString());
            }
            command.addAll(files);

            // Both streams go to files: the raw mode prints megabytes, and a full pipe nobody reads
            // would block the child and turn into a timeout.
            Path stdout = tmp.resolve("stdout.jsonl");
            Path stderr = tmp.resolve("stderr.log");
            Process process = new ProcessBuilder(command)
                    .directory(NODE_DIR.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            long timeout = BASE_TIMEOUT_SECONDS + TIMEOUT_SECONDS_PER_IMAGE * images.size();
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("face-api reference timed out after " + timeout + " s\n" + tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("face-api reference exited with " + process.exitValue() + "\n" + tail(stderr));
            }

            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            if (lines.size() != images.size()) {
                throw new IllegalStateException("face-api reference printed " + lines.size() + " lines for "
                        + images.size() + " images\n" + tail(stderr));
            }
            List<JsonNode> parsed = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                JsonNode node = JSON.readTree(lines.get(i));
                if (!files.get(i).equals(node.path("file").asText())) {
                    throw new IllegalStateException("line " + i + " is for " + node.path("file").asText()
                            + ", expected " + files.get(i));
                }
                parsed.add(node);
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the face-api reference", e);
        } finally {
            deleteRecursively(tmp);
        }
    }

    static void writePpm(RgbImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("P6\n" + image.width() + " " + image.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(image.pixels());
        }
    }

    private static Optional<Path> findNode() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, windows ? "node.exe" : "node");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Box box(JsonNode b) {
        return new Box(b.get("x").doubleValue(), b.get("y").doubleValue(),
                b.get("width").doubleValue(), b.get("height").doubleValue());
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless and must not mask the test's own outcome.
        }
    }
}
