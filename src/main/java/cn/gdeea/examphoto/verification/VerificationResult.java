package cn.gdeea.examphoto.verification;

/**
 * The outcome of one 1:1 comparison (人证核验).
 *
 * @param score     similarity of probe and reference, higher is more alike (1 − descriptor distance
 *                  for the embedded verifier; the external service's own score otherwise)
 * @param threshold the score at or above which the two count as the same person
 * @param reason    why no decision could be made or why it failed, as a stable code
 *                  ({@code reference_no_face}, {@code probe_no_face}, {@code below_threshold},
 *                  {@code service_error}, …); empty on a match
 */
public record VerificationResult(double score, boolean match, double threshold, String reason) {

    public static final String REFERENCE_NO_FACE = "reference_no_face";
    public static final String PROBE_NO_FACE = "probe_no_face";
    public static final String BELOW_THRESHOLD = "below_threshold";

    public static VerificationResult decided(double score, double threshold) {
        boolean match = score >= threshold;
        return new VerificationResult(score, match, threshold, match ? "" : BELOW_THRESHOLD);
    }

    public static VerificationResult undecided(String reason, double threshold) {
        return new VerificationResult(Double.NaN, false, threshold, reason);
    }

    /** Whether both faces were found and compared. */
    public boolean compared() {
        return !Double.isNaN(score);
    }
}
