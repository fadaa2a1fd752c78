package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.StateTransitions;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a candidate to manual review (人工审核): moves them to {@code MANUAL_REQUIRED} and opens a
 * case. The conditional state move decides which of two concurrent requests opens the case, so a
 * candidate never has two open cases.
 */
@Service
class ManualRouting {

    static final String NON_ID_DOCUMENT = "NON_ID_DOCUMENT";
    static final String NO_REFERENCE = "NO_REFERENCE";
    static final String RARE_NAME = "RARE_NAME";
    static final String ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED";

    /** States from which a candidate who cannot be verified automatically is routed at once. */
    static final Set<CandidateState> AUTOMATIC = EnumSet.of(CandidateState.NOT_STARTED, CandidateState.PHOTO_CHECKED);

    private final StateTransitions transitions;
    private final ReviewCases cases;

    ManualRouting(StateTransitions transitions, ReviewCases cases) {
        this.transitions = transitions;
        this.cases = cases;
    }

    /** Routes a candidate whose document or missing reference photo rules out automatic verification. */
    @Transactional
    boolean ensure(CandidateRow c) {
        if (!AUTOMATIC.contains(c.state())) {
            return false;
        }
        if (!c.verifiableDocument()) {
            return route(c, AUTOMATIC, NON_ID_DOCUMENT, "document type " + c.documentTypeRaw());
        }
        if (c.referencePhotoId() == null) {
            return route(c, AUTOMATIC, NO_REFERENCE, "no reference photo");
        }
        return false;
    }

    /** Moves the candidate from one of {@code from} to MANUAL_REQUIRED and opens a case; in the caller's transaction if any. */
    @Transactional
    boolean route(CandidateRow c, Set<CandidateState> from, String reason, String detail) {
        if (!transitions.move(c.id(), from, CandidateState.MANUAL_REQUIRED, "system", reason + ": " + detail)) {
            return false;
        }
        if (cases.open(c.id()).isEmpty()) {
            cases.create(c.id(), c.pointCode(), reason);
        }
        return true;
    }
}
