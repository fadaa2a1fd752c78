package cn.gdeea.examphoto.face;

import java.util.Arrays;
import java.util.Locale;

/**
 * The face recognisers the engine can describe faces with (chosen by
 * {@code examphoto.face.recogniser}; docs/models.md says which is the default and why). Each
 * descriptor is stored with its {@link #modelId()}: descriptors of different models are never
 * compared, so a change of recogniser means reference descriptors are computed afresh.
 *
 * <p>A descriptor's length tells its model family (128 dlib, 512 ArcFace, 640 the fusion of
 * both), which lets {@link #similarity(float[], float[])} score any pair of the same model.
 */
public enum Recogniser {

    /** face-api's ResNet-29 (dlib's metric network), 128-d; score 1 − Euclidean distance. */
    DLIB("dlib-resnet29-faceapi-1.7.15", 128, 0.40),
    /** faceplugin's MobileFaceNet/ArcFace-style network, 512-d, L2-normalised; score the cosine. */
    ARCFACE("arcface-mfn-faceplugin-0.0.1", 512, 0.31),
    /**
     * Both, concatenated; score the weighted mean of the ArcFace cosine and the dlib score
     * brought onto the cosine's scale (same impostor mean and spread).
     */
    FUSION("fusion-dlib-arcface-1", 640, 0.25);

    /**
     * The fusion's constants, fitted on the calibration half of the labelled photos
     * (VerificationCalibrationIntegrationTests prints the fit): each score's impostor mean and
     * spread, and the ArcFace weight with the best calibration d′ (0.7).
     */
    static final double DLIB_IMPOSTOR_MEAN = 0.126;
    static final double DLIB_IMPOSTOR_SPREAD = 0.088;
    static final double ARCFACE_IMPOSTOR_MEAN = -0.002;
    static final double ARCFACE_IMPOSTOR_SPREAD = 0.097;
    static final double ARCFACE_WEIGHT = 0.7;

    private final String modelId;
    private final int dimensions;
    private final double operatingThreshold;

    Recogniser(String modelId, int dimensions, double operatingThreshold) {
        this.modelId = modelId;
        this.dimensions = dimensions;
        this.operatingThreshold = operatingThreshold;
    }

    /**
     * The score at or above which two faces count as the same person unless configured
     * otherwise. The rule, applied on the calibration half of the labelled photos only: the
     * highest of the three reference kinds' thresholds for a false-accept rate of 0.1% per
     * attempt, rounded up to two decimals (VerificationCalibrationIntegrationTests holds the constants to it;
     * docs/verification.md gives the held-out figures).
     */
    public double operatingThreshold() {
        return operatingThreshold;
    }

    /** The id stored beside every descriptor this recogniser makes. */
    public String modelId() {
        return modelId;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The recogniser named in configuration ({@code dlib}, {@code arcface}, {@code fusion}). */
    public static Recogniser named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown recogniser '" + name + "': expected dlib, arcface or fusion", e);
        }
    }

    /** The recogniser whose descriptors have this length. */
    public static Recogniser ofDescriptor(float[] descriptor) {
        for (Recogniser r : values()) {
            if (r.dimensions == descriptor.length) {
                return r;
            }
        }
        throw new IllegalArgumentException("no recogniser makes " + descriptor.length + "-d descriptors");
    }

    /**
     * How alike two descriptors of the same model are, higher more alike. Refuses descriptors of
     * different models: their scores mean nothing.
     */
    public static double similarity(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("descriptors of different models (" + a.length + "-d and "
                    + b.length + "-d) cannot be compared");
        }
        return switch (ofDescriptor(a)) {
            case DLIB -> 1 - euclidean(a, b, 0, a.length);
            case ARCFACE -> cosine(a, b, 0, a.length);
            case FUSION -> {
                int d = DLIB.dimensions;
                yield fuse(1 - euclidean(a, b, 0, d), cosine(a, b, d, a.length),
                        DLIB_IMPOSTOR_MEAN, DLIB_IMPOSTOR_SPREAD, ARCFACE_IMPOSTOR_MEAN, ARCFACE_IMPOSTOR_SPREAD, ARCFACE_WEIGHT);
            }
        };
    }

    /** The fused score: the dlib score moved onto the ArcFace cosine's impostor scale, then the weighted mean. */
    public static double fuse(double dlib, double arcface, double dlibMean, double dlibSpread, double arcMean,
                              double arcSpread, double arcWeight) {
        double dlibOnArcScale = (dlib - dlibMean) / dlibSpread * arcSpread + arcMean;
        return arcWeight * arcface + (1 - arcWeight) * dlibOnArcScale;
    }

    static float[] concat(float[] dlib, float[] arcface) {
        float[] out = Arrays.copyOf(dlib, dlib.length + arcface.length);
        System.arraycopy(arcface, 0, out, dlib.length, arcface.length);
        return out;
    }

    private static double euclidean(float[] a, float[] b, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b, int from, int to) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = from; i < to; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
