package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.CandidateState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads candidate rows; the state and attempts are written only through {@link StateTransitions}. */
@Repository
class Candidates {

    private static final String COLUMNS = """
            id, candidate_number, name, document_type, document_number, city, point_code, password_hash, rare_name,
            reference_photo_id, reference_descriptor, state, attempts_used, collected_submission_id, verified_submission_id,
            current_submission_id, reference_descriptor_model""";

    private final JdbcClient jdbc;

    Candidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CandidateRow> byNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from candidate where candidate_number = ?").param(number)
                .query(Candidates::map).optional();
    }

    Optional<CandidateRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from candidate where id = ?").param(id).query(Candidates::map).optional();
    }

    CandidateRow require(long id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("authenticated candidate " + id + " has no row"));
    }

    /** The row, locked until the transaction ends (serialises a candidate's review-material changes). */
    CandidateRow lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from candidate where id = ? for update").param(id)
                .query(Candidates::map).optional()
                .orElseThrow(() -> new IllegalStateException("candidate " + id + " has no row"));
    }

    /** Caches the descriptor (made by {@code model}) of this reference photo, unless the reference was replaced meanwhile. */
    void cacheReferenceDescriptor(long id, long referencePhotoId, byte[] descriptor, String model) {
        jdbc.sql("update candidate set reference_descriptor = ?, reference_descriptor_model = ? where id = ? and reference_photo_id = ?")
                .params(descriptor, model, id, referencePhotoId).update();
    }

    private static CandidateRow map(ResultSet rs, int n) throws SQLException {
        return new CandidateRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), (Long) rs.getObject(10, Long.class),
                rs.getBytes(11), CandidateState.valueOf(rs.getString(12)), rs.getInt(13),
                (Long) rs.getObject(14, Long.class), (Long) rs.getObject(15, Long.class), (Long) rs.getObject(16, Long.class),
                rs.getString(17));
    }
}
