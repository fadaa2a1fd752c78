package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.RgbImage;
import java.util.Optional;

/**
 * Describes and compares faces with the embedded {@link FaceEngine}; the candidate journey's
 * verifier ({@link DescriptorVerifier}) compares descriptors it computed. The score is
 * {@code 1 − d}, d being the Euclidean distance of the two 128-d descriptors (dlib's metric
 * space, where 0.6 is the customary same-person bound).
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
            return VerificationResult.undecided(VerificationResult.REFERENCE_NO_FACE, settings.threshold());
        }
        Optional<float[]> pro = describeLargestFace(probe);
        if (pro.isEmpty()) {
            return VerificationResult.undecided(VerificationResult.PROBE_NO_FACE, settings.threshold());
        }
        return compare(ref.get(), pro.get());
    }

    /** Compares two descriptors already computed (e.g. the probe's, kept from the photo check). */
    public VerificationResult compare(float[] reference, float[] probe) {
        return VerificationResult.decided(similarity(reference, probe), settings.threshold());
    }

    public static double similarity(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return 1 - Math.sqrt(sum);
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
