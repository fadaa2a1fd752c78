package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.review.ReviewCases;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.verification.FaceVerifier;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a candidate to manual review (人工审核): the {@link Journey} step to {@code MANUAL_REQUIRED}
 * and a case waiting for materials, in one transaction. The conditional step decides which of two
 * concurrent requests opens the case, so a candidate never has two open cases.
 */
@Service
class ManualRouting {

    static final String NON_ID_DOCUMENT = "NON_ID_DOCUMENT";
    static final String NO_REFERENCE = "NO_REFERENCE";
    static final String RARE_NAME = "RARE_NAME";
    static final String ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED";

    private final Candidates candidates;
    private final StateTransitions transitions;
    private final ReviewCases cases;
    private final FaceVerifier verifier;
    private final SettingsService settings;
    private final TransactionTemplate tx;

    ManualRouting(Candidates candidates, StateTransitions transitions, ReviewCases cases, FaceVerifier verifier,
                  SettingsService settings, TransactionTemplate tx) {
        this.candidates = candidates;
        this.transitions = transitions;
        this.cases = cases;
        this.verifier = verifier;
        this.settings = settings;
        this.tx = tx;
    }

    /** Whether this candidate can be verified automatically by the configured verifier at all. */
    boolean automatic(CandidateRow c) {
        return c.verifiableDocument() && (c.referencePhotoId() != null || !verifier.needsReference());
    }

    /**
     * Why a candidate on the automatic path must go to manual review now: the document or the
     * missing reference rules automatic verification out, or the attempt limit in force (which an
     * admin may have lowered) leaves them none.
     */
    Optional<String> dueReason(CandidateRow c) {
        if (c.state() != CandidateState.NOT_STARTED && c.state() != CandidateState.PHOTO_CHECKED) {
            return Optional.empty();
        }
        if (!c.verifiableDocument()) {
            return Optional.of(NON_ID_DOCUMENT);
        }
        if (c.referencePhotoId() == null && verifier.needsReference()) {
            return Optional.of(NO_REFERENCE);
        }
        if (Journey.settle(c.state(), c.attemptsUsed(), settings.attemptLimit()).isPresent()) {
            return Optional.of(ATTEMPTS_EXHAUSTED);
        }
        return Optional.empty();
    }

    /** Routes the candidate if {@link #dueReason} says so; returns whether it did. */
    boolean ensure(CandidateRow c) {
        Optional<String> reason = dueReason(c);
        if (reason.isEmpty()) {
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(t -> {
            CandidateRow locked = candidates.lock(c.id());
            Optional<String> still = dueReason(locked);
            if (still.isEmpty()) {
                return false;
            }
            Journey.Step step = Journey.next(locked.state(), locked.attemptsUsed(), settings.attemptLimit(),
                    Journey.Action.ROUTE_MANUAL);
            routeLocked(locked, step, still.get(), detail(locked, still.get()));
            return true;
        }));
    }

    /** Makes a step to MANUAL_REQUIRED for a candidate whose row the caller has locked, and opens the case. */
    void routeLocked(CandidateRow c, Journey.Step step, String reason, String detail) {
        if (transitions.apply(c.id(), c.state(), c.attemptsUsed(), step, "system", reason + ": " + detail)) {
            cases.openFor(c.id(), c.pointCode(), reason);
        }
    }

    private static String detail(CandidateRow c, String reason) {
        return switch (reason) {
            case NON_ID_DOCUMENT -> "document type " + c.documentTypeRaw();
            case NO_REFERENCE -> "no reference photo";
            default -> "no attempts left under the current limit";
        };
    }
}
