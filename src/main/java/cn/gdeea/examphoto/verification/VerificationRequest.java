package cn.gdeea.examphoto.verification;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link FaceVerifier} may use for one comparison. The reference descriptor and the probe's
 * JPEG are suppliers: each verifier fetches only what it needs (the embedded one never reads the
 * photo, the external one never computes a descriptor).
 *
 * @param identity            who the photo claims to show
 * @param probeDescriptor     the checked photo's face descriptor, computed during the photo check
 * @param probeJpeg           the checked photo as the standard JPEG
 * @param referenceDescriptor the roster reference's descriptor, empty when it shows no usable face
 * @param threshold           the similarity at or above which the embedded verifier matches (a
 *                            run-time setting); an external service applies its own
 */
public record VerificationRequest(CandidateIdentity identity, float[] probeDescriptor, Supplier<byte[]> probeJpeg,
                                  Supplier<Optional<float[]>> referenceDescriptor, double threshold) {
}
