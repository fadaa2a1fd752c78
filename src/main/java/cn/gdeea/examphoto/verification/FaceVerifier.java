package cn.gdeea.examphoto.verification;

/**
 * The 1:1 identity check (人证核验) that decides a candidate's verification attempts. Exactly one
 * is configured ({@code examphoto.verification.type}): the embedded verifier, which compares the
 * photo's face descriptor with the roster's reference photo, or an external service that holds
 * the reference itself. Routing asks {@link #needsReference()} whether a candidate without a
 * roster photo can be verified automatically at all.
 */
public interface FaceVerifier {

    /** Recorded with every attempt it decides ({@code embedded}, {@code http}). */
    String id();

    /** Whether a candidate needs a reference photo from the roster to be verified by this verifier. */
    boolean needsReference();

    /**
     * One comparison. Never throws for a failing service: the result is then undecided
     * ({@link VerificationResult#compared()} is false) and costs the candidate no attempt.
     */
    VerificationResult verify(VerificationRequest request);
}
