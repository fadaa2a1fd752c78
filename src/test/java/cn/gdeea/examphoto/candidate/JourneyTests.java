package cn.gdeea.examphoto.candidate;

import static cn.gdeea.examphoto.candidate.CandidateState.COLLECTED;
import static cn.gdeea.examphoto.candidate.CandidateState.MANUAL_PENDING;
import static cn.gdeea.examphoto.candidate.CandidateState.MANUAL_REJECTED;
import static cn.gdeea.examphoto.candidate.CandidateState.MANUAL_REQUIRED;
import static cn.gdeea.examphoto.candidate.CandidateState.NOT_STARTED;
import static cn.gdeea.examphoto.candidate.CandidateState.PHOTO_CHECKED;
import static cn.gdeea.examphoto.candidate.CandidateState.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.candidate.Journey.Action;
import cn.gdeea.examphoto.candidate.Journey.Refusal;
import cn.gdeea.examphoto.candidate.Journey.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The journey's table over every state × action × attempts used × attempt limit, and along random walks. */
class JourneyTests {

    private static final int MAX_LIMIT = 5;

    @Test
    void onlyADecidedNonMatchSpendsAnAttempt() {
        forEveryCase((state, used, limit, action, step) -> {
            if (!step.allowed()) {
                assertThat(step.spent()).as(describe(state, used, limit, action)).isZero();
                assertThat(step.next()).isEqualTo(state);
                return;
            }
            int expected = action == Action.NON_MATCH ? 1 : 0;
            assertThat(step.spent()).as(describe(state, used, limit, action)).isEqualTo(expected);
            if (action == Action.RESET_ATTEMPTS) {
                assertThat(step.attemptsUsed()).isZero();
            } else {
                assertThat(step.attemptsUsed()).as(describe(state, used, limit, action)).isEqualTo(used + expected);
            }
        });
    }

    @Test
    void everyStepLeavesTheCandidateANextStep() {
        forEveryCase((state, used, limit, action, step) -> {
            if (step.allowed()) {
                assertThat(Journey.hasNextStep(step.next(), step.attemptsUsed(), limit))
                        .as(describe(state, used, limit, action) + " -> " + step.next() + " with " + step.attemptsUsed())
                        .isTrue();
            }
        });
    }

    @Test
    void noAttemptIsSpentBeyondTheLimit() {
        forEveryCase((state, used, limit, action, step) -> {
            if (step.allowed() && step.spent() > 0) {
                assertThat(used).as(describe(state, used, limit, action)).isLessThan(limit);
                assertThat(step.attemptsUsed()).isLessThanOrEqualTo(limit);
            }
        });
    }

    @Test
    void aMatchVerifiesAndKeepsTheAttemptsLeft() {
        for (int limit = 1; limit <= MAX_LIMIT; limit++) {
            for (int used = 0; used < limit; used++) {
                Step step = Journey.next(PHOTO_CHECKED, used, limit, Action.MATCH);
                assertThat(step.next()).isEqualTo(VERIFIED);
                assertThat(step.attemptsUsed()).isEqualTo(used);
            }
        }
    }

    @Test
    void threePassesAndARetakeStillLeaveAllAttempts() {
        // The path that stranded candidates: pass, retake, pass, retake, pass, retake.
        CandidateState s = NOT_STARTED;
        int used = 0;
        for (int i = 0; i < 3; i++) {
            Step check = Journey.next(s, used, 3, Action.CHECK_PASSED);
            Step match = Journey.next(check.next(), check.attemptsUsed(), 3, Action.MATCH);
            s = match.next();
            used = match.attemptsUsed();
        }
        Step retake = Journey.next(s, used, 3, Action.CHECK_PASSED);
        assertThat(retake.next()).isEqualTo(VERIFIED);
        assertThat(retake.attemptsUsed()).isZero();
        assertThat(Journey.next(retake.next(), retake.attemptsUsed(), 3, Action.MATCH).allowed()).isTrue();
        assertThat(Journey.next(retake.next(), retake.attemptsUsed(), 3, Action.CONFIRM).next()).isEqualTo(COLLECTED);
    }

    @Test
    void theLastNonMatchRoutesToManualReviewButAVerifiedPhotoIsKept() {
        assertThat(Journey.next(PHOTO_CHECKED, 2, 3, Action.NON_MATCH).next()).isEqualTo(MANUAL_REQUIRED);
        assertThat(Journey.next(PHOTO_CHECKED, 1, 3, Action.NON_MATCH).next()).isEqualTo(PHOTO_CHECKED);
        // A retake after a pass that fails keeps the candidate verified: they can still confirm.
        Step step = Journey.next(VERIFIED, 2, 3, Action.NON_MATCH);
        assertThat(step.next()).isEqualTo(VERIFIED);
        assertThat(step.attemptsUsed()).isEqualTo(3);
        assertThat(Journey.next(VERIFIED, 3, 3, Action.CONFIRM).next()).isEqualTo(COLLECTED);
        assertThat(Journey.next(VERIFIED, 3, 3, Action.NON_MATCH).refusal()).isEqualTo(Refusal.NO_ATTEMPTS_LEFT);
    }

    @Test
    void aLimitLoweredAtRunTimeSendsWaitingCandidatesToManualReview() {
        for (CandidateState s : List.of(NOT_STARTED, PHOTO_CHECKED)) {
            assertThat(Journey.settle(s, 2, 2)).contains(MANUAL_REQUIRED);
            assertThat(Journey.settle(s, 2, 1)).contains(MANUAL_REQUIRED);
            assertThat(Journey.settle(s, 1, 2)).isEmpty();
            // An upload under the lowered limit lands in manual review, not in a state that cannot verify.
            assertThat(Journey.next(s, 2, 1, Action.CHECK_PASSED).next()).isEqualTo(MANUAL_REQUIRED);
        }
        for (CandidateState s : List.of(VERIFIED, COLLECTED, MANUAL_REQUIRED, MANUAL_PENDING, MANUAL_REJECTED)) {
            assertThat(Journey.settle(s, 3, 1)).as(s.name()).isEmpty();
        }
    }

    @Test
    void manualReviewMovesOnlyAsTheReviewerDecides() {
        assertThat(Journey.next(MANUAL_REQUIRED, 3, 3, Action.SUBMIT_MATERIALS).next()).isEqualTo(MANUAL_PENDING);
        assertThat(Journey.next(MANUAL_REJECTED, 3, 3, Action.SUBMIT_MATERIALS).next()).isEqualTo(MANUAL_PENDING);
        assertThat(Journey.next(MANUAL_PENDING, 3, 3, Action.APPROVE).next()).isEqualTo(COLLECTED);
        assertThat(Journey.next(MANUAL_PENDING, 3, 3, Action.REJECT).next()).isEqualTo(MANUAL_REJECTED);
        for (CandidateState s : CandidateState.values()) {
            if (s != MANUAL_PENDING) {
                assertThat(Journey.next(s, 0, 3, Action.APPROVE).refusal()).as(s.name()).isEqualTo(Refusal.NOT_PENDING);
                assertThat(Journey.next(s, 0, 3, Action.REJECT).refusal()).as(s.name()).isEqualTo(Refusal.NOT_PENDING);
            }
        }
        assertThat(Journey.next(MANUAL_PENDING, 0, 3, Action.SUBMIT_MATERIALS).refusal()).isEqualTo(Refusal.NOT_IN_REVIEW);
        assertThat(Journey.next(COLLECTED, 0, 3, Action.CHECK_PASSED).refusal()).isEqualTo(Refusal.ALREADY_COLLECTED);
        assertThat(Journey.next(MANUAL_PENDING, 0, 3, Action.CHECK_PASSED).refusal()).isEqualTo(Refusal.IN_MANUAL_REVIEW);
    }

    @Test
    void randomWalksNeverStrandACandidate() {
        Random random = new Random(20261201);
        Action[] actions = Action.values();
        for (int walk = 0; walk < 20_000; walk++) {
            CandidateState s = NOT_STARTED;
            int used = 0;
            int limit = 3;
            List<String> path = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                if (random.nextInt(10) == 0) {
                    limit = 1 + random.nextInt(MAX_LIMIT); // an admin changes the limit
                    s = Journey.settle(s, used, limit).orElse(s);
                    path.add("limit=" + limit);
                }
                Action a = actions[random.nextInt(actions.length)];
                Step step = Journey.next(s, used, limit, a);
                path.add(a + "->" + step.next());
                if (step.allowed()) {
                    s = step.next();
                    used = step.attemptsUsed();
                }
                assertThat(Journey.hasNextStep(s, used, limit)).as(String.join(", ", path)).isTrue();
                assertThat(used).as(String.join(", ", path)).isLessThanOrEqualTo(Math.max(limit, used));
            }
        }
    }

    private interface Case {
        void check(CandidateState state, int used, int limit, Action action, Step step);
    }

    private static void forEveryCase(Case c) {
        int cases = 0;
        for (CandidateState state : CandidateState.values()) {
            for (int limit = 1; limit <= MAX_LIMIT; limit++) {
                for (int used = 0; used <= limit; used++) {
                    for (Action action : Action.values()) {
                        c.check(state, used, limit, action, Journey.next(state, used, limit, action));
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(CandidateState.values().length * Action.values().length * 20);
    }

    private static String describe(CandidateState state, int used, int limit, Action action) {
        return state + " used=" + used + " limit=" + limit + " " + action;
    }
}
