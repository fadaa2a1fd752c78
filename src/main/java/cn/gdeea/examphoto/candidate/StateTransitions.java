package cn.gdeea.examphoto.candidate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Moves a candidate from one state to another and records it (time, actor, detail) in
 * {@code candidate_event}, in the caller's transaction. The update is conditional on the state the
 * caller expects, so two concurrent requests cannot both make the same move.
 */
@Service
public class StateTransitions {

    private final JdbcClient jdbc;

    public StateTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return whether the candidate was in one of {@code from} and is now in {@code to}
     */
    public boolean move(long candidateId, Set<CandidateState> from, CandidateState to, String actor, String detail) {
        String expected = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        String previous = jdbc.sql("select state from candidate where id = ?").param(candidateId)
                .query(String.class).optional().orElse(null);
        if (previous == null || !from.contains(CandidateState.valueOf(previous))) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("update candidate set state = ?, updated_at = ? where id = ? and state = ? and state in (" + expected + ")")
                .params(to.name(), now, candidateId, previous).update();
        if (updated == 0) {
            return false;
        }
        record(candidateId, CandidateState.valueOf(previous), to, actor, detail);
        return true;
    }

    /** Records an event that is not a state change (e.g. an attempt reset) or one made by a bulk update. */
    public void record(long candidateId, CandidateState from, CandidateState to, String actor, String detail) {
        jdbc.sql("insert into candidate_event (candidate_id, from_state, to_state, actor, detail, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(candidateId, from == null ? null : from.name(), to.name(), actor, detail,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }
}
