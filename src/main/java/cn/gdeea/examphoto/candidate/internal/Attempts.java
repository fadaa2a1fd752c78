package cn.gdeea.examphoto.candidate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code verification_attempt} rows of a candidate: one per verified submission, at most. */
@Repository
class Attempts {

    private static final String COLUMNS = "attempt_no, submission_id, score, matched, threshold, reason, verifier, spent, created_at";

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Attempt> forSubmission(long candidateId, long submissionId) {
        return jdbc.sql("select " + COLUMNS + " from verification_attempt where candidate_id = ? and submission_id = ? order by id limit 1")
                .params(candidateId, submissionId).query(Attempts::map).optional();
    }

    /** Numbered in order, matches included; {@code spent} says which used up an attempt. */
    int count(long candidateId) {
        return jdbc.sql("select count(*) from verification_attempt where candidate_id = ?").param(candidateId)
                .query(Integer.class).single();
    }

    void insert(long candidateId, Attempt a) {
        jdbc.sql("""
                insert into verification_attempt (candidate_id, submission_id, attempt_no, score, matched, threshold, reason, verifier, spent, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(candidateId, a.submissionId(), a.attemptNo(), a.score(), a.matched(), a.threshold(), a.reason(),
                        a.verifier(), a.spent(), a.createdAt())
                .update();
    }

    List<Attempt> failed(long candidateId) {
        return jdbc.sql("select " + COLUMNS + " from verification_attempt where candidate_id = ? and not matched order by id desc")
                .param(candidateId).query(Attempts::map).list();
    }

    private static Attempt map(ResultSet rs, int n) throws SQLException {
        return new Attempt(rs.getInt(1), rs.getLong(2), rs.getObject(3, Double.class), rs.getBoolean(4),
                rs.getObject(5, Double.class), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                rs.getObject(9, OffsetDateTime.class));
    }

    /** One decided verification of one submission. */
    record Attempt(int attemptNo, long submissionId, Double score, boolean matched, Double threshold, String reason,
                   String verifier, boolean spent, OffsetDateTime createdAt) {
    }
}
