package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.Recogniser;
import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.IdentitySplit;
import cn.gdeea.examphoto.support.IdentitySplit.Half;
import cn.gdeea.examphoto.support.Proportion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;

/**
 * Genuine and impostor scores of one recogniser and reference variant, split by identity.
 * Genuine pairs are the same-person pairs of {@code pairs.tsv}; impostor attempts are every pair
 * of photos of different persons within a half (reference the first in path order), which gives
 * thousands of attempts where {@code pairs.tsv}'s impostor pairs give hundreds. A candidate who
 * is someone else gets three attempts: the per-candidate figure counts each reference photo
 * against each other person's first three photos, accepted when any attempt is.
 */
final class VerificationRoc {

    private final IdentitySplit split;
    private final List<FaceData.Pair> pairs;
    private final Set<String> photos;
    private final ToDoubleBiFunction<String, String> score;

    VerificationRoc(IdentitySplit split, List<FaceData.Pair> pairs, Set<String> photos, ToDoubleBiFunction<String, String> score) {
        this.split = split;
        this.pairs = pairs;
        this.photos = photos;
        this.score = score;
    }

    /** Scores of one half. */
    record Scores(List<Double> genuine, List<Double> impostor, List<double[]> candidates) {

        /** The lowest threshold whose false-accept rate (per attempt) stays within {@code far}. */
        double thresholdAtFar(double far) {
            List<Double> sorted = impostor.stream().sorted(Comparator.reverseOrder()).toList();
            int allowed = (int) Math.floor(far * sorted.size());
            return Math.nextUp(sorted.get(allowed));
        }
    }

    /** Held-out figures at the thresholds chosen on the calibration half. */
    record Measured(Scores heldOut, double thresholdLoose, double thresholdStrict, Scores calibration) {

        Proportion tar(double t) {
            return share(heldOut.genuine, t);
        }

        Proportion far(double t) {
            return share(heldOut.impostor, t);
        }

        Proportion farPerCandidate(double t) {
            int accepted = 0;
            for (double[] attempts : heldOut.candidates) {
                for (double s : attempts) {
                    if (s >= t) {
                        accepted++;
                        break;
                    }
                }
            }
            return new Proportion(accepted, heldOut.candidates.size());
        }

        Proportion tarAtStrict() {
            return tar(thresholdStrict);
        }

        /** d′ of the held-out genuine and impostor scores (pairs without a face left out). */
        double dPrime() {
            double[] g = moments(heldOut.genuine);
            double[] i = moments(heldOut.impostor);
            return (g[0] - i[0]) / Math.sqrt((g[1] + i[1]) / 2);
        }

        /** Genuine pairs scoring below the highest impostor attempt of the same half. */
        long genuineBelowHighestImpostor() {
            double max = heldOut.impostor.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
            return heldOut.genuine.stream().filter(s -> s < max).count();
        }

        long missingGenuine() {
            return heldOut.genuine.stream().filter(s -> s == Double.NEGATIVE_INFINITY).count();
        }

        private static Proportion share(List<Double> scores, double t) {
            return new Proportion((int) scores.stream().filter(s -> s >= t).count(), scores.size());
        }
    }

    Measured measure() {
        Scores calibration = scores(Half.CALIBRATION);
        return new Measured(scores(Half.HELD_OUT), calibration.thresholdAtFar(0.01), calibration.thresholdAtFar(0.001),
                calibration);
    }

    Scores scores(Half half) {
        List<Double> genuine = new ArrayList<>();
        for (FaceData.Pair p : split.pairs(pairs, half)) {
            if (p.same()) {
                genuine.add(score.applyAsDouble(p.pathA(), p.pathB()));
            }
        }
        List<String> inHalf = photos.stream().filter(p -> split.half(p) == half).sorted().toList();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < inHalf.size(); i++) {
            for (int j = i + 1; j < inHalf.size(); j++) {
                if (!split.identity(inHalf.get(i)).equals(split.identity(inHalf.get(j)))) {
                    impostor.add(score.applyAsDouble(inHalf.get(i), inHalf.get(j)));
                }
            }
        }
        Map<String, List<String>> byIdentity = new TreeMap<>();
        inHalf.forEach(p -> byIdentity.computeIfAbsent(split.identity(p), k -> new ArrayList<>()).add(p));
        List<double[]> candidates = new ArrayList<>();
        for (String reference : inHalf) {
            byIdentity.forEach((identity, theirs) -> {
                if (!identity.equals(split.identity(reference))) {
                    List<String> attempts = theirs.subList(0, Math.min(3, theirs.size()));
                    candidates.add(attempts.stream().mapToDouble(a -> score.applyAsDouble(reference, a)).toArray());
                }
            });
        }
        return new Scores(genuine, impostor, candidates);
    }

    static String table(Map<Recogniser, Map<ReferenceVariants, Measured>> measured, double operating, Recogniser defaultRecogniser) {
        StringBuilder md = new StringBuilder();
        md.append("Held-out half only; thresholds chosen on the calibration half. Intervals are Clopper–Pearson 95%.\n\n");
        md.append("| recogniser | reference | genuine pairs (no face) | impostor attempts | d′ | genuine below the highest impostor "
                + "| TAR @ FAR 1% (threshold) | FAR per attempt there "
                + "| TAR @ FAR 0.1% (threshold) | FAR per attempt there | FAR per candidate (3 attempts) there |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        measured.forEach((recogniser, byVariant) -> byVariant.forEach((variant, m) -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %d (%d) | %d | %.2f | %d | %s (%.3f) | %s | %s (%.3f) | %s | %s |%n",
                recogniser.name().toLowerCase(Locale.ROOT), variant.name().toLowerCase(Locale.ROOT),
                m.heldOut.genuine.size(), m.missingGenuine(), m.heldOut.impostor.size(), m.dPrime(), m.genuineBelowHighestImpostor(),
                m.tar(m.thresholdLoose), m.thresholdLoose, m.far(m.thresholdLoose),
                m.tar(m.thresholdStrict), m.thresholdStrict, m.far(m.thresholdStrict), m.farPerCandidate(m.thresholdStrict)))));
        md.append("\nCalibration half, where the operating thresholds come from (lowest genuine score, highest impostor "
                + "score per attempt and per candidate):\n\n| recogniser | reference | lowest genuine | highest impostor |\n|---|---|---|---|\n");
        measured.forEach((recogniser, byVariant) -> byVariant.forEach((variant, m) -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %.3f | %.3f |%n", recogniser.name().toLowerCase(Locale.ROOT), variant.name().toLowerCase(Locale.ROOT),
                m.calibration.genuine.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                m.calibration.impostor.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)))));
        md.append(String.format(Locale.ROOT, "%nAt the operating threshold %.3f of the default recogniser (%s):%n%n",
                operating, defaultRecogniser.name().toLowerCase(Locale.ROOT)));
        md.append("| reference | TAR | FAR per attempt | FAR per candidate (3 attempts) |\n|---|---|---|---|\n");
        measured.get(defaultRecogniser).forEach((variant, m) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n",
                variant.name().toLowerCase(Locale.ROOT), m.tar(operating), m.far(operating), m.farPerCandidate(operating))));
        return md.toString();
    }

    /** A scorer of one photo pair by one recogniser (dlib and ArcFace parts of the fused descriptors). */
    interface PartScore {
        double score(Recogniser recogniser, String a, String b);
    }

    /**
     * The fusion parameters the calibration half suggests: each score's impostor mean and spread,
     * and the ArcFace weight with the best calibration TAR at FAR 0.1%. {@link Recogniser} holds
     * the values in use; this line shows whether they still fit.
     */
    static String fusionFit(IdentitySplit split, List<FaceData.Pair> pairs, Set<String> photos, PartScore score) {
        Scores dlib = new VerificationRoc(split, pairs, photos, (a, b) -> score.score(Recogniser.DLIB, a, b)).scores(Half.CALIBRATION);
        Scores arc = new VerificationRoc(split, pairs, photos, (a, b) -> score.score(Recogniser.ARCFACE, a, b)).scores(Half.CALIBRATION);
        double[] d = moments(dlib.impostor);
        double[] r = moments(arc.impostor);
        double bestWeight = 0;
        double bestDPrime = -1;
        double bestTar = 0;
        for (int w = 0; w <= 10; w++) {
            double weight = w / 10.0;
            List<Double> g = new ArrayList<>();
            List<Double> i = new ArrayList<>();
            for (int k = 0; k < dlib.genuine.size(); k++) {
                g.add(fuse(dlib.genuine.get(k), arc.genuine.get(k), d, r, weight));
            }
            for (int k = 0; k < dlib.impostor.size(); k++) {
                i.add(fuse(dlib.impostor.get(k), arc.impostor.get(k), d, r, weight));
            }
            Scores fused = new Scores(g, i, List.of());
            double t = fused.thresholdAtFar(0.001);
            double dPrime = new Measured(fused, t, t, fused).dPrime();
            if (dPrime > bestDPrime) {
                bestDPrime = dPrime;
                bestTar = g.stream().filter(s -> s >= t).count() / (double) g.size();
                bestWeight = weight;
            }
        }
        return String.format(Locale.ROOT, "%nFusion fit on the calibration half: dlib impostor mean %.3f, spread %.3f; "
                + "ArcFace impostor mean %.3f, spread %.3f; best ArcFace weight %.1f (calibration d′ %.2f, TAR at FAR 0.1%%: %.1f%%).%n",
                d[0], Math.sqrt(d[1]), r[0], Math.sqrt(r[1]), bestWeight, bestDPrime, 100 * bestTar);
    }

    private static double fuse(double dlib, double arc, double[] d, double[] r, double weight) {
        if (dlib == Double.NEGATIVE_INFINITY || arc == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return Recogniser.fuse(dlib, arc, d[0], Math.sqrt(d[1]), r[0], Math.sqrt(r[1]), weight);
    }

    /** Mean and variance of the finite scores. */
    private static double[] moments(List<Double> scores) {
        double[] finite = scores.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        double mean = java.util.Arrays.stream(finite).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(finite).map(s -> (s - mean) * (s - mean)).sum() / Math.max(1, finite.length - 1);
        return new double[] {mean, var};
    }
}
