package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.Journey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Applies a {@link Journey} step to a candidate row and records it (time, actor, detail) in
 * {@code candidate_event}, in the caller's transaction. The update is conditional on the state and
 * attempt count the step was computed from, so of two concurrent requests only one makes a move;
 * the other sees {@code false} and reads the row again.
 */
@Service
class StateTransitions {

    private final JdbcClient jdbc;

    StateTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the candidate was still in {@code from} with {@code attemptsBefore} and the step was made */
    boolean apply(long candidateId, CandidateState from, int attemptsBefore, Journey.Step step, String actor, String detail) {
        if (!step.allowed()) {
            throw new IllegalArgumentException("refused step " + step);
        }
        int updated = jdbc.sql("""
                update candidate set state = ?, attempts_used = ?, updated_at = ?
                where id = ? and state = ? and attempts_used = ?""")
                .params(step.next().name(), step.attemptsUsed(), now(), candidateId, from.name(), attemptsBefore).update();
        if (updated == 0) {
            return false;
        }
        record(candidateId, from, step.next(), actor, detail);
        return true;
    }

    /** Records an event that changes no state (a failed attempt with attempts left, a correction). */
    void record(long candidateId, CandidateState from, CandidateState to, String actor, String detail) {
        jdbc.sql("insert into candidate_event (candidate_id, from_state, to_state, actor, detail, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(candidateId, from == null ? null : from.name(), to.name(), actor, clip(detail), now())
                .update();
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
