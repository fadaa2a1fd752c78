package cn.gdeea.examphoto.cli;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.image.ImageRejectedException;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.verification.EmbeddedFaceVerifier;
import cn.gdeea.examphoto.verification.VerificationResult;
import cn.gdeea.examphoto.verification.VerificationSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;

/**
 * {@code verify --pairs PAIRS.tsv}: a TSV with a header naming {@code path_a} (reference) and
 * {@code path_b} (probe); paths absolute or relative to the TSV's folder.
 */
final class VerifyCommand {

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length != 2 || !"--pairs".equals(args[0])) {
            throw new CommandLine.UsageException("expected --pairs PAIRS.tsv");
        }
        Path tsv = Path.of(args[1]);
        List<String> lines = readLines(tsv);
        if (lines.isEmpty()) {
            throw new CommandLine.UsageException(tsv + " is empty; it needs a header with path_a and path_b");
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int a = header.indexOf("path_a");
        int b = header.indexOf("path_b");
        if (a < 0 || b < 0) {
            throw new CommandLine.UsageException(tsv + ": the header must name the columns path_a and path_b");
        }
        Path folder = tsv.toAbsolutePath().getParent();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        VerificationSettings settings = VerificationSettings.defaults();
        int status = CommandLine.OK;
        List<String[]> rows = new ArrayList<>();
        for (String row : lines.subList(1, lines.size())) {
            if (!row.isBlank()) {
                rows.add(row.split("\t", -1));
            }
        }
        try (FaceEngine engine = FaceEngine.load()) {
            EmbeddedFaceVerifier verifier = new EmbeddedFaceVerifier(engine, settings);
            Map<Path, Future<Optional<float[]>>> descriptors = describeAll(rows, a, b, folder, decoder, verifier);
            for (String[] cells : rows) {
                Map<String, Object> line = new LinkedHashMap<>();
                if (cells.length <= Math.max(a, b)) {
                    line.put("error", "row has fewer columns than the header: " + String.join("\t", cells));
                    Json.line(out, line);
                    status = CommandLine.SOME_FAILED;
                    continue;
                }
                line.put("a", cells[a]);
                line.put("b", cells[b]);
                try {
                    Optional<float[]> reference = get(descriptors.get(folder.resolve(cells[a])));
                    Optional<float[]> probe = get(descriptors.get(folder.resolve(cells[b])));
                    VerificationResult result = reference.isEmpty()
                            ? VerificationResult.undecided(VerificationResult.REFERENCE_NO_FACE, verifier.threshold())
                            : probe.isEmpty()
                            ? VerificationResult.undecided(VerificationResult.PROBE_NO_FACE, verifier.threshold())
                            : verifier.compare(reference.get(), probe.get());
                    line.put("score", Json.number(result.score()));
                    line.put("match", result.match());
                    line.put("threshold", verifier.threshold());
                    line.put("model", verifier.modelId());
                    if (!result.compared()) {
                        line.put("error", result.reason().equals(VerificationResult.REFERENCE_NO_FACE)
                                ? "no face found in a (reference)" : "no face found in b (probe)");
                        status = CommandLine.SOME_FAILED;
                    }
                } catch (ImageRejectedException e) {
                    line.put("score", null);
                    line.put("match", false);
                    line.put("threshold", verifier.threshold());
                    line.put("error", e.code() + ": " + e.messageEn());
                    status = CommandLine.SOME_FAILED;
                }
                Json.line(out, line);
            }
        }
        return status;
    }

    /**
     * Describes every photo the pairs name once, on as many workers as there are cores (a photo
     * usually appears in many pairs); the lines are still written in the file's order.
     */
    private static Map<Path, Future<Optional<float[]>>> describeAll(List<String[]> rows, int a, int b, Path folder,
                                                                     ImageDecoder decoder, EmbeddedFaceVerifier verifier) {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "verify-worker");
            t.setDaemon(true);
            return t;
        });
        Map<Path, Future<Optional<float[]>>> out = new HashMap<>();
        for (String[] cells : rows) {
            if (cells.length > Math.max(a, b)) {
                for (String cell : List.of(cells[a], cells[b])) {
                    out.computeIfAbsent(folder.resolve(cell),
                            p -> pool.submit(() -> verifier.describeLargestFace(read(decoder, p))));
                }
            }
        }
        pool.shutdown();
        return out;
    }

    private static Optional<float[]> get(Future<Optional<float[]>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static RgbImage read(ImageDecoder decoder, Path file) {
        try {
            return decoder.decode(Files.readAllBytes(file), file.getFileName().toString()).image();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> readLines(Path tsv) {
        try {
            return Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new CommandLine.UsageException("cannot read " + tsv + ": " + e.getMessage());
        }
    }
}
