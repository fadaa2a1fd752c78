package cn.gdeea.examphoto.candidate;

import java.util.Collection;

/**
 * What other capabilities may do to a candidate. The candidate module owns the candidate's state,
 * attempts and reference; staff corrections, the roster import and the retention purge call these
 * operations instead of writing {@code candidate} rows, and each one moves the candidate only as
 * the {@link Journey} allows.
 */
public interface CandidateAdministration {

    /**
     * Sets the attempts used to 0. A candidate sent to manual review only because the attempts ran
     * out, who has not sent materials yet, goes back to automatic verification.
     */
    AttemptReset resetAttempts(long candidateId, String actor, Long staffId, String reason);

    /**
     * Replaces the reference photo with one that shows a face (decoded and described through the
     * processing gate, outside any transaction).
     *
     * @throws cn.gdeea.examphoto.web.ApiException 422 {@code reference.no_face} when it shows none
     */
    ReferenceChange replaceReference(long candidateId, byte[] photo, String fileName, String actor, Long staffId);

    /**
     * Makes an already stored photo the candidate's reference (the roster import), in the caller's
     * transaction. Its descriptor is computed on first use.
     */
    ReferenceChange attachReference(long candidateId, long photoId, String actor);

    /** Corrects the name or the document number (audited by the caller); null leaves a field as it is. */
    void correctIdentity(long candidateId, String name, String documentNumber, String actor, String detail);

    /**
     * The roster import's bulk write, in the caller's transaction: merges the rows it staged in the
     * transaction's {@code roster_staging} table (candidate number, name, document type and number,
     * city, point, password hash or null to keep, rare-name flag) into the candidates. New numbers
     * become candidates in {@code NOT_STARTED}; known ones keep their journey state, attempts and photos.
     */
    void mergeRosterStaging(boolean postgres, java.time.OffsetDateTime now);

    /** The retention purge: forgets the reference photo and every face descriptor of these candidates. */
    void forgetBiometrics(Collection<Long> candidateIds);

    /** What an attempt reset did. */
    record AttemptReset(int attemptsBefore, CandidateState state, boolean backToAutomatic) {
    }

    /** What a new reference photo did; {@code backToAutomatic} when it ended a manual route for want of one. */
    record ReferenceChange(long photoId, CandidateState state, boolean backToAutomatic) {
    }
}
