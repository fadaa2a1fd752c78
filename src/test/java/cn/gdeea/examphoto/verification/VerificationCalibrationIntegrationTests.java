package cn.gdeea.examphoto.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.face.Recogniser;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.IdentitySplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrates and measures the embedded verifier on the labelled photos of
 * {@code ../shared/data/faces}, split by identity ({@link IdentitySplit}): thresholds are chosen
 * on the calibration half, every figure printed comes from the held-out half, with Clopper–Pearson
 * 95% intervals. Each recogniser (dlib, ArcFace, their fusion) is measured with the reference as
 * it is and reduced to an ID photo and an ID-card chip crop. Writes
 * {@code target/reports/verification-roc.md}; docs/verification.md quotes it.
 */
class VerificationCalibrationIntegrationTests {

    private static FaceEngine engine;
    private static final Map<Recogniser, Map<ReferenceVariants, VerificationRoc.Measured>> measured =
            new EnumMap<>(Recogniser.class);

    @BeforeAll
    static void measure() throws Exception {
        FaceData.requireFolder();
        engine = FaceEngine.load(1, FaceEngine.DEFAULT_MIN_CONFIDENCE, Recogniser.FUSION);
        IdentitySplit split = IdentitySplit.load();
        List<FaceData.Pair> pairs = FaceData.pairs();
        TreeSet<String> photos = new TreeSet<>();
        pairs.forEach(p -> {
            photos.add(p.pathA());
            photos.add(p.pathB());
        });
        Map<String, Map<ReferenceVariants, Optional<float[]>>> descriptors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String photo : photos) {
                work.add(pool.submit(() -> descriptors.put(photo, describeVariants(photo))));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder report = new StringBuilder();
        for (Recogniser recogniser : Recogniser.values()) {
            Map<ReferenceVariants, VerificationRoc.Measured> byVariant = new EnumMap<>(ReferenceVariants.class);
            for (ReferenceVariants variant : ReferenceVariants.values()) {
                VerificationRoc roc = new VerificationRoc(split, pairs, photos,
                        (a, b) -> score(recogniser, descriptors.get(a).get(variant), descriptors.get(b).get(ReferenceVariants.AS_IS)));
                byVariant.put(variant, roc.measure());
            }
            measured.put(recogniser, byVariant);
        }
        report.append(VerificationRoc.table(measured, FaceEngine.DEFAULT_RECOGNISER.operatingThreshold(), FaceEngine.DEFAULT_RECOGNISER));
        report.append(VerificationRoc.fusionFit(split, pairs, photos, (r, a, b) -> score(r,
                descriptors.get(a).get(ReferenceVariants.AS_IS), descriptors.get(b).get(ReferenceVariants.AS_IS))));
        System.out.println(report);
        Path file = Path.of("target", "reports", "verification-roc.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    /** The similarity by {@code recogniser}'s part of the fused descriptors; minus infinity without a face. */
    private static double score(Recogniser recogniser, Optional<float[]> a, Optional<float[]> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NEGATIVE_INFINITY;
        }
        return Recogniser.similarity(part(recogniser, a.get()), part(recogniser, b.get()));
    }

    private static float[] part(Recogniser recogniser, float[] fused) {
        return switch (recogniser) {
            case DLIB -> java.util.Arrays.copyOfRange(fused, 0, Recogniser.DLIB.dimensions());
            case ARCFACE -> java.util.Arrays.copyOfRange(fused, Recogniser.DLIB.dimensions(), fused.length);
            case FUSION -> fused;
        };
    }

    /** The photo's fused descriptor per reference variant, through the production path (largest face). */
    private static Map<ReferenceVariants, Optional<float[]>> describeVariants(String path) {
        RgbImage photo = FaceData.image(path);
        Map<ReferenceVariants, Optional<float[]>> out = new EnumMap<>(ReferenceVariants.class);
        Optional<DetectedFace> face = engine.detect(photo).stream().max(Comparator.comparingDouble(f -> f.box().area()));
        for (ReferenceVariants variant : ReferenceVariants.values()) {
            out.put(variant, face.flatMap(f -> {
                RgbImage image = variant.apply(photo, f);
                return engine.detect(image).stream().max(Comparator.comparingDouble(g -> g.box().area()))
                        .map(g -> engine.describe(image, g, Recogniser.FUSION));
            }));
        }
        return out;
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * The default is backed by the held-out figures: no recogniser accepts more genuine pairs at
     * FAR 0.1%, and the default separates genuine from impostor scores better than dlib (d′).
     */
    @Test
    void defaultRecogniserIsBackedByTheHeldOutFigures() {
        for (ReferenceVariants variant : ReferenceVariants.values()) {
            double best = measured.values().stream().mapToDouble(m -> m.get(variant).tarAtStrict().rate()).max().orElseThrow();
            VerificationRoc.Measured chosen = measured.get(FaceEngine.DEFAULT_RECOGNISER).get(variant);
            assertThat(chosen.tarAtStrict().rate())
                    .as("held-out TAR of the default recogniser with %s references", variant).isGreaterThanOrEqualTo(best);
            assertThat(chosen.dPrime()).as("held-out d′ with %s references", variant)
                    .isGreaterThan(measured.get(Recogniser.DLIB).get(variant).dPrime());
        }
    }

    /** Each recogniser's operating threshold follows its rule on the calibration half (Recogniser#operatingThreshold). */
    @Test
    void operatingThresholdsComeFromTheCalibrationHalf() {
        measured.forEach((recogniser, byVariant) -> {
            double highest = byVariant.values().stream().mapToDouble(VerificationRoc.Measured::thresholdStrict).max().orElseThrow();
            assertThat(recogniser.operatingThreshold()).as("operating threshold of %s", recogniser)
                    .isCloseTo(Math.ceil(highest * 100) / 100.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void operatingThresholdKeepsHeldOutImpostorsBelowOneInAHundredPerCandidate() {
        double threshold = FaceEngine.DEFAULT_RECOGNISER.operatingThreshold();
        for (ReferenceVariants variant : ReferenceVariants.values()) {
            VerificationRoc.Measured m = measured.get(FaceEngine.DEFAULT_RECOGNISER).get(variant);
            assertThat(m.farPerCandidate(threshold).rate()).as("held-out FAR per candidate, %s", variant).isLessThanOrEqualTo(0.01);
        }
    }

    @Test
    void operatingThresholdAcceptsHeldOutGenuinePairs() {
        double threshold = FaceEngine.DEFAULT_RECOGNISER.operatingThreshold();
        Map<ReferenceVariants, VerificationRoc.Measured> m = measured.get(FaceEngine.DEFAULT_RECOGNISER);
        assertThat(m.get(ReferenceVariants.AS_IS).tar(threshold).rate()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.get(ReferenceVariants.ID_PHOTO).tar(threshold).rate()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.get(ReferenceVariants.CHIP).tar(threshold).rate()).isGreaterThanOrEqualTo(0.90);
    }
}
