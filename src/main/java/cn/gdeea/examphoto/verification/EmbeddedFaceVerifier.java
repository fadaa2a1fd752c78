package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.face.Recogniser;
import cn.gdeea.examphoto.image.RgbImage;
import java.util.Optional;

/**
 * Describes and compares faces with the embedded {@link FaceEngine}, made by its configured
 * {@link cn.gdeea.examphoto.face.Recogniser}: the cosine of two 512-d ArcFace descriptors, or
 * {@code 1 − d} for dlib's 128-d ones (d their Euclidean distance). Descriptors are kept with
 * {@link #modelId()}; a stored descriptor of another model must be recomputed, never compared.
 * The candidate journey's verifier ({@link DescriptorVerifier}) compares descriptors it stored.
 */
public final class EmbeddedFaceVerifier {

    private final FaceEngine engine;
    private final VerificationSettings settings;

    public EmbeddedFaceVerifier(FaceEngine engine, VerificationSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** Detects, describes and compares the two faces (the batch {@code verify} command). */
    public VerificationResult verify(CandidateIdentity candidate, RgbImage reference, RgbImage probe) {
        Optional<float[]> ref = describeLargestFace(reference);
        if (ref.isEmpty()) {
            return VerificationResult.undecided(VerificationResult.REFERENCE_NO_FACE, threshold());
        }
        Optional<float[]> pro = describeLargestFace(probe);
        if (pro.isEmpty()) {
            return VerificationResult.undecided(VerificationResult.PROBE_NO_FACE, threshold());
        }
        return compare(ref.get(), pro.get());
    }

    /** Compares two descriptors already computed (e.g. the probe's, kept from the photo check). */
    public VerificationResult compare(float[] reference, float[] probe) {
        return VerificationResult.decided(similarity(reference, probe), threshold());
    }

    /** The configured threshold, else the recogniser's calibrated operating threshold. */
    public double threshold() {
        return Double.isNaN(settings.threshold()) ? engine.recogniser().operatingThreshold() : settings.threshold();
    }

    /**
     * How alike two descriptors of the same model are (higher is more alike).
     *
     * @throws IllegalArgumentException for descriptors of different models
     */
    public static double similarity(float[] a, float[] b) {
        return Recogniser.similarity(a, b);
    }

    /** The model id of the descriptors {@link #describeLargestFace(RgbImage)} makes; store it beside them. */
    public String modelId() {
        return engine.modelId();
    }

    /**
     * The descriptor of the most prominent face. Reference photos can be tight crops (an ID-card
     * chip photo is 102×126 px) where the detector, trained on wider scenes, may miss a face that
     * fills the frame; a second look with a margin around the photo finds it.
     */
    public Optional<float[]> describeLargestFace(RgbImage image) {
        Optional<DetectedFace> face = largest(engine.detect(image));
        if (face.isPresent()) {
            return Optional.of(engine.describe(image, face.get()));
        }
        return Optional.empty();
    }

    private static Optional<DetectedFace> largest(java.util.List<DetectedFace> faces) {
        return faces.stream().max(java.util.Comparator.comparingDouble(f -> f.box().area()));
    }
}
