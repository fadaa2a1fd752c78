package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.review.ManualReviewDecided;
import cn.gdeea.examphoto.settings.SettingsService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the candidate when a reviewer decides their case: approved, the case's portrait is collected
 * (采集成功); rejected, they may send the materials again. Runs in the decision's transaction, so a
 * candidate whose state changed meanwhile makes the decision fail as a whole.
 */
@Component
class ManualReviewOutcomes {

    private final Candidates candidates;
    private final StateTransitions transitions;
    private final SettingsService settings;
    private final JdbcClient jdbc;

    ManualReviewOutcomes(Candidates candidates, StateTransitions transitions, SettingsService settings, JdbcClient jdbc) {
        this.candidates = candidates;
        this.transitions = transitions;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ManualReviewDecided decision) {
        CandidateRow c = candidates.lock(decision.candidateId());
        Journey.Step step = Journey.next(c.state(), c.attemptsUsed(), settings.attemptLimit(),
                decision.approved() ? Journey.Action.APPROVE : Journey.Action.REJECT);
        if (!step.allowed()) {
            throw Refusals.of(step.refusal());
        }
        String detail = decision.approved()
                ? "人工审核通过 / manual review approved (case " + decision.caseId() + ")"
                : "人工审核不通过 / manual review rejected (case " + decision.caseId() + "): " + decision.reason();
        if (decision.approved()) {
            jdbc.sql("update candidate set collected_submission_id = ? where id = ?")
                    .params(decision.submissionId(), c.id()).update();
        }
        transitions.apply(c.id(), c.state(), c.attemptsUsed(), step, decision.actor(), detail);
    }
}
