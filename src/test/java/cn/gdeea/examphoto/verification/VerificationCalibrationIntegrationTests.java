package cn.gdeea.examphoto.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.support.FaceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the embedded verifier's ROC on the labelled pairs of {@code ../shared/data/faces},
 * with the reference as it is and reduced to an ID-photo and an ID-card chip crop, and holds the
 * calibrated threshold to the bar. Writes {@code target/reports/verification-roc.md}; the same
 * table is in docs/verification.md.
 */
class VerificationCalibrationIntegrationTests {

    private static FaceEngine engine;
    private static EmbeddedFaceVerifier verifier;
    private static final Map<ReferenceVariants, Roc> rocs = new EnumMap<>(ReferenceVariants.class);

    @BeforeAll
    static void measure() throws IOException {
        FaceData.requireFolder();
        engine = FaceEngine.load();
        verifier = new EmbeddedFaceVerifier(engine, VerificationSettings.defaults());
        List<FaceData.Pair> pairs = FaceData.pairs();
        Map<String, Optional<float[]>> probes = new HashMap<>();
        Map<String, Map<ReferenceVariants, Optional<float[]>>> references = new HashMap<>();
        for (FaceData.Pair pair : pairs) {
            probes.computeIfAbsent(pair.pathB(), p -> verifier.describeLargestFace(FaceData.image(p)));
            references.computeIfAbsent(pair.pathA(), VerificationCalibrationIntegrationTests::describeVariants);
        }
        for (ReferenceVariants variant : ReferenceVariants.values()) {
            Roc roc = new Roc();
            for (FaceData.Pair pair : pairs) {
                Optional<float[]> ref = references.get(pair.pathA()).get(variant);
                Optional<float[]> probe = probes.get(pair.pathB());
                double score = ref.isPresent() && probe.isPresent()
                        ? EmbeddedFaceVerifier.similarity(ref.get(), probe.get()) : Double.NEGATIVE_INFINITY;
                roc.add(pair.same(), score);
            }
            rocs.put(variant, roc);
        }
        String table = table(VerificationSettings.defaults().threshold());
        System.out.println(table);
        Path report = Path.of("target", "reports", "verification-roc.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
    }

    private static Map<ReferenceVariants, Optional<float[]>> describeVariants(String path) {
        RgbImage photo = FaceData.image(path);
        Map<ReferenceVariants, Optional<float[]>> out = new EnumMap<>(ReferenceVariants.class);
        Optional<DetectedFace> face = engine.detect(photo).stream().max(Comparator.comparingDouble(f -> f.box().area()));
        for (ReferenceVariants variant : ReferenceVariants.values()) {
            out.put(variant, face.flatMap(f -> verifier.describeLargestFace(variant.apply(photo, f))));
        }
        return out;
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void acceptsNinetyNinePercentOfGenuinePairsAtTheOperatingThresholdWithFullPhotos() {
        assertMeetsBar(ReferenceVariants.AS_IS, 0.99);
    }

    @Test
    void acceptsNinetyNinePercentOfGenuinePairsWithIdPhotoReferences() {
        assertMeetsBar(ReferenceVariants.ID_PHOTO, 0.99);
    }

    @Test
    void acceptsNinetyPercentOfGenuinePairsWithChipPhotoReferences() {
        assertMeetsBar(ReferenceVariants.CHIP, 0.90);
    }

    /** At the configured threshold: at most 1% of impostors accepted, at least {@code minTar} of genuine pairs. */
    private static void assertMeetsBar(ReferenceVariants variant, double minTar) {
        Roc roc = rocs.get(variant);
        double threshold = VerificationSettings.defaults().threshold();
        assertThat(roc.far(threshold)).as("FAR of %s", variant).isLessThanOrEqualTo(0.01);
        assertThat(roc.tar(threshold)).as("TAR of %s", variant).isGreaterThanOrEqualTo(minTar);
    }

    private static String table(double threshold) {
        StringBuilder md = new StringBuilder();
        md.append("| reference | genuine / impostor pairs | faces not found (genuine, impostor) | TAR @ FAR 1% (threshold) "
                + "| TAR @ FAR 0.1% (threshold) | at operating threshold " + threshold + ": TAR, FAR |\n");
        md.append("|---|---|---|---|---|---|\n");
        rocs.forEach((variant, roc) -> md.append(String.format(Locale.ROOT,
                "| %s | %d / %d | %d, %d | %.2f%% (%.3f) | %.2f%% (%.3f) | %.2f%%, %.2f%% |%n",
                variant.name().toLowerCase(Locale.ROOT), roc.genuine.size(), roc.impostor.size(),
                roc.missing(roc.genuine), roc.missing(roc.impostor),
                100 * roc.tarAtFar(0.01), roc.thresholdAtFar(0.01),
                100 * roc.tarAtFar(0.001), roc.thresholdAtFar(0.001),
                100 * roc.tar(threshold), 100 * roc.far(threshold))));
        md.append("\n| threshold |");
        rocs.keySet().forEach(v -> md.append(" ").append(v.name().toLowerCase(Locale.ROOT)).append(": TAR, FAR |"));
        md.append("\n|---|").append("---|".repeat(rocs.size())).append('\n');
        for (int step = 0; step <= 12; step++) {
            double t = 0.36 + step * 0.01;
            md.append(String.format(Locale.ROOT, "| %.2f |", t));
            rocs.values().forEach(roc -> md.append(String.format(Locale.ROOT, " %.2f%%, %.2f%% |",
                    100 * roc.tar(t), 100 * roc.far(t))));
            md.append('\n');
        }
        return md.toString();
    }

    /** Genuine and impostor scores of one variant; a pair without a face scores minus infinity. */
    static final class Roc {
        final List<Double> genuine = new ArrayList<>();
        final List<Double> impostor = new ArrayList<>();

        void add(boolean same, double score) {
            (same ? genuine : impostor).add(score);
        }

        double tar(double threshold) {
            return share(genuine, threshold);
        }

        double far(double threshold) {
            return share(impostor, threshold);
        }

        /** The lowest threshold whose false-accept rate stays within {@code far}. */
        double thresholdAtFar(double far) {
            List<Double> sorted = impostor.stream().sorted(Comparator.reverseOrder()).toList();
            int allowed = (int) Math.floor(far * sorted.size());
            return Math.nextUp(sorted.get(allowed));
        }

        double tarAtFar(double far) {
            return tar(thresholdAtFar(far));
        }

        long missing(List<Double> scores) {
            return scores.stream().filter(s -> s == Double.NEGATIVE_INFINITY).count();
        }

        private static double share(List<Double> scores, double threshold) {
            return scores.stream().filter(s -> s >= threshold).count() / (double) scores.size();
        }
    }
}
