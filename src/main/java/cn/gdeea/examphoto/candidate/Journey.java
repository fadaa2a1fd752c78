package cn.gdeea.examphoto.candidate;

import static cn.gdeea.examphoto.candidate.CandidateState.COLLECTED;
import static cn.gdeea.examphoto.candidate.CandidateState.MANUAL_PENDING;
import static cn.gdeea.examphoto.candidate.CandidateState.MANUAL_REJECTED;
import static cn.gdeea.examphoto.candidate.CandidateState.MANUAL_REQUIRED;
import static cn.gdeea.examphoto.candidate.CandidateState.NOT_STARTED;
import static cn.gdeea.examphoto.candidate.CandidateState.PHOTO_CHECKED;
import static cn.gdeea.examphoto.candidate.CandidateState.VERIFIED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate journey as one table (SPEC §3): for a state, the attempts used, the attempt limit
 * in force and an action, the next state and the attempts the action spends. Every service that
 * moves a candidate asks this table first and then makes the move conditional on the state it
 * saw, so the rules live here and nowhere else.
 *
 * <p>Two rules hold for every row, and {@code JourneyTests} checks them over every state × action
 * × attempts × limit: only a decided non-match spends an attempt; and no candidate is left without
 * a next step — one with no attempt left who is neither verified nor collected is in manual
 * review (the limit can be lowered at run time, so {@link #settle} applies it to any state).
 */
public final class Journey {

    /** What happens to a candidate. */
    public enum Action {
        /** An upload passed the photo checks (a retake from VERIFIED keeps the verified photo). */
        CHECK_PASSED,
        /** An upload failed the photo checks; nothing changes. */
        CHECK_FAILED,
        /** The verifier decided the photo shows the candidate. */
        MATCH,
        /** The verifier decided the photo shows someone else: spends an attempt. */
        NON_MATCH,
        /** The verifier could not decide (service down, no face): nothing is spent. */
        UNDECIDED,
        /** The reference photo shows no usable face: a reviewer must decide. */
        REFERENCE_UNUSABLE,
        /** "确认无误并提交" of the verified photo. */
        CONFIRM,
        /** The document, the missing reference or the attempt limit rules out automatic verification. */
        ROUTE_MANUAL,
        /** 生僻字: the candidate chooses manual review at once. */
        REQUEST_MANUAL,
        /** The manual-review materials are sent (审核中). */
        SUBMIT_MATERIALS,
        /** A reviewer approved the materials: the portrait is collected. */
        APPROVE,
        /** A reviewer rejected the materials: the candidate may send them again. */
        REJECT,
        /** Staff reset the attempts (e.g. after a roster correction). */
        RESET_ATTEMPTS,
        /** A usable reference photo arrived (staff replacement or roster re-import). */
        REFERENCE_ATTACHED
    }

    /** Why an action is refused in a state, as the API's error code. */
    public enum Refusal {
        NOT_CHECKED("verification.photo_not_checked"),
        ALREADY_COLLECTED("photo.already_collected"),
        IN_MANUAL_REVIEW("verification.manual_review"),
        NO_ATTEMPTS_LEFT("verification.no_attempts_left"),
        NOT_VERIFIED("collection.not_verified"),
        NOT_IN_REVIEW("review.not_open"),
        NOT_PENDING("review.candidate_state"),
        NOT_ELIGIBLE("review.not_eligible");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The outcome of an action: the next state and the attempts spent, or why it is refused.
     * {@code attemptsUsed} is the count after the action (a reset makes it 0).
     */
    public record Step(CandidateState next, int attemptsUsed, int spent, Refusal refusal) {

        public boolean allowed() {
            return refusal == null;
        }

        static Step to(CandidateState next, int attemptsUsed, int spent) {
            return new Step(next, attemptsUsed, spent, null);
        }

        static Step refused(CandidateState state, int attemptsUsed, Refusal why) {
            return new Step(state, attemptsUsed, 0, why);
        }
    }

    /** States in which the candidate is on the automatic path and may upload a portrait. */
    public static final Set<CandidateState> AUTOMATIC = EnumSet.of(NOT_STARTED, PHOTO_CHECKED, VERIFIED);
    /** States in which the candidate gathers manual-review materials. */
    public static final Set<CandidateState> GATHERING = EnumSet.of(MANUAL_REQUIRED, MANUAL_REJECTED);

    private Journey() {
    }

    /** The step {@code action} makes from {@code state}, with the limit in force applied afterwards. */
    public static Step next(CandidateState state, int attemptsUsed, int limit, Action action) {
        Step raw = raw(state, attemptsUsed, limit, action);
        if (!raw.allowed()) {
            return raw;
        }
        return Step.to(settle(raw.next(), raw.attemptsUsed(), limit).orElse(raw.next()), raw.attemptsUsed(), raw.spent());
    }

    /**
     * Where a candidate must be under the limit in force: one who needs an attempt and has none
     * left goes to manual review. Empty when they may stay where they are.
     */
    public static Optional<CandidateState> settle(CandidateState state, int attemptsUsed, int limit) {
        if ((state == NOT_STARTED || state == PHOTO_CHECKED) && attemptsUsed >= limit) {
            return Optional.of(MANUAL_REQUIRED);
        }
        return Optional.empty();
    }

    /** Whether the candidate has something to do next, or is waiting for a reviewer, or is done. */
    public static boolean hasNextStep(CandidateState state, int attemptsUsed, int limit) {
        return switch (state) {
            case NOT_STARTED, PHOTO_CHECKED -> attemptsUsed < limit;
            case VERIFIED -> true; // may confirm the verified photo
            case MANUAL_REQUIRED, MANUAL_REJECTED -> true; // may send materials
            case MANUAL_PENDING -> true; // a reviewer decides
            case COLLECTED -> true; // done
        };
    }

    private static Step raw(CandidateState s, int used, int limit, Action action) {
        return switch (action) {
            case CHECK_PASSED -> switch (s) {
                case NOT_STARTED, PHOTO_CHECKED -> Step.to(PHOTO_CHECKED, used, 0);
                case VERIFIED -> Step.to(VERIFIED, used, 0);
                case COLLECTED -> Step.refused(s, used, Refusal.ALREADY_COLLECTED);
                default -> Step.refused(s, used, Refusal.IN_MANUAL_REVIEW);
            };
            case CHECK_FAILED -> switch (s) {
                case NOT_STARTED, PHOTO_CHECKED, VERIFIED -> Step.to(s, used, 0);
                case COLLECTED -> Step.refused(s, used, Refusal.ALREADY_COLLECTED);
                default -> Step.refused(s, used, Refusal.IN_MANUAL_REVIEW);
            };
            case MATCH, NON_MATCH, UNDECIDED, REFERENCE_UNUSABLE -> verification(s, used, limit, action);
            case CONFIRM -> s == VERIFIED ? Step.to(COLLECTED, used, 0)
                    : Step.refused(s, used, s == COLLECTED ? Refusal.ALREADY_COLLECTED : Refusal.NOT_VERIFIED);
            case ROUTE_MANUAL -> s == NOT_STARTED || s == PHOTO_CHECKED ? Step.to(MANUAL_REQUIRED, used, 0)
                    : Step.refused(s, used, Refusal.NOT_ELIGIBLE);
            case REQUEST_MANUAL -> AUTOMATIC.contains(s) ? Step.to(MANUAL_REQUIRED, used, 0)
                    : Step.refused(s, used, Refusal.NOT_ELIGIBLE);
            case SUBMIT_MATERIALS -> GATHERING.contains(s) ? Step.to(MANUAL_PENDING, used, 0)
                    : Step.refused(s, used, Refusal.NOT_IN_REVIEW);
            case APPROVE -> s == MANUAL_PENDING ? Step.to(COLLECTED, used, 0) : Step.refused(s, used, Refusal.NOT_PENDING);
            case REJECT -> s == MANUAL_PENDING ? Step.to(MANUAL_REJECTED, used, 0) : Step.refused(s, used, Refusal.NOT_PENDING);
            // A reset gives the automatic path back to a candidate who only waits for materials they
            // have not sent; one whose materials are with a reviewer, or already decided, keeps their place.
            case RESET_ATTEMPTS -> Step.to(s == MANUAL_REQUIRED ? NOT_STARTED : s, 0, 0);
            case REFERENCE_ATTACHED -> Step.to(s == MANUAL_REQUIRED ? NOT_STARTED : s, used, 0);
        };
    }

    private static Step verification(CandidateState s, int used, int limit, Action action) {
        if (s == NOT_STARTED) {
            return Step.refused(s, used, Refusal.NOT_CHECKED);
        }
        if (s == COLLECTED) {
            return Step.refused(s, used, Refusal.ALREADY_COLLECTED);
        }
        if (s != PHOTO_CHECKED && s != VERIFIED) {
            return Step.refused(s, used, Refusal.IN_MANUAL_REVIEW);
        }
        if (used >= limit) {
            return Step.refused(s, used, Refusal.NO_ATTEMPTS_LEFT);
        }
        return switch (action) {
            case MATCH -> Step.to(VERIFIED, used, 0);
            case NON_MATCH -> Step.to(s, used + 1, 1);
            case REFERENCE_UNUSABLE -> s == PHOTO_CHECKED ? Step.to(MANUAL_REQUIRED, used, 0) : Step.to(s, used, 0);
            default -> Step.to(s, used, 0);
        };
    }
}
