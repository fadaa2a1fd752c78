package cn.gdeea.examphoto.verification;

import java.util.Optional;

/**
 * The embedded verifier ({@code examphoto.verification.type=embedded}, the default): compares the
 * probe's descriptor with the reference photo's, both from the embedded face engine.
 */
final class DescriptorVerifier implements FaceVerifier {

    static final String ID = "embedded";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean needsReference() {
        return true;
    }

    @Override
    public VerificationResult verify(VerificationRequest request) {
        Optional<float[]> reference = request.referenceDescriptor().get();
        if (reference.isEmpty()) {
            return VerificationResult.undecided(VerificationResult.REFERENCE_NO_FACE, request.threshold());
        }
        if (request.probeDescriptor() == null) {
            return VerificationResult.undecided(VerificationResult.PROBE_NO_FACE, request.threshold());
        }
        return VerificationResult.decided(EmbeddedFaceVerifier.similarity(reference.get(), request.probeDescriptor()),
                request.threshold());
    }
}
