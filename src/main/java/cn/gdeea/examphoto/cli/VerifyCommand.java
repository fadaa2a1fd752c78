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
import java.util.HashMap;
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
        try (FaceEngine engine = FaceEngine.load()) {
            EmbeddedFaceVerifier verifier = new EmbeddedFaceVerifier(engine, settings);
            // A photo usually appears in many pairs: describe each once per run.
            Map<Path, Optional<float[]>> descriptors = new HashMap<>();
            for (String row : lines.subList(1, lines.size())) {
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = row.split("\t", -1);
                Map<String, Object> line = new LinkedHashMap<>();
                if (cells.length <= Math.max(a, b)) {
                    line.put("error", "row has fewer columns than the header: " + row);
                    Json.line(out, line);
                    status = CommandLine.SOME_FAILED;
                    continue;
                }
                line.put("a", cells[a]);
                line.put("b", cells[b]);
                try {
                    Optional<float[]> reference = descriptors.computeIfAbsent(folder.resolve(cells[a]),
                            p -> verifier.describeLargestFace(read(decoder, p)));
                    Optional<float[]> probe = descriptors.computeIfAbsent(folder.resolve(cells[b]),
                            p -> verifier.describeLargestFace(read(decoder, p)));
                    VerificationResult result = reference.isEmpty()
                            ? VerificationResult.undecided(VerificationResult.REFERENCE_NO_FACE, settings.threshold())
                            : probe.isEmpty()
                            ? VerificationResult.undecided(VerificationResult.PROBE_NO_FACE, settings.threshold())
                            : verifier.compare(reference.get(), probe.get());
                    line.put("score", Json.number(result.score()));
                    line.put("match", result.match());
                    line.put("threshold", settings.threshold());
                    if (!result.compared()) {
                        line.put("error", result.reason().equals(VerificationResult.REFERENCE_NO_FACE)
                                ? "no face found in a (reference)" : "no face found in b (probe)");
                        status = CommandLine.SOME_FAILED;
                    }
                } catch (ImageRejectedException e) {
                    line.put("score", null);
                    line.put("match", false);
                    line.put("threshold", settings.threshold());
                    line.put("error", e.code() + ": " + e.messageEn());
                    status = CommandLine.SOME_FAILED;
                }
                Json.line(out, line);
            }
        }
        return status;
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
