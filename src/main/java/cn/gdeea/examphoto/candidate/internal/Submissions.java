package cn.gdeea.examphoto.candidate.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a candidate's own submissions; another candidate's id reads as absent. */
@Repository
class Submissions {

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SubmissionRow> own(long candidateId, long submissionId) {
        return jdbc.sql("select id, photo_id, standard_photo_id, checks_passed, descriptor, descriptor_model from submission where id = ? and candidate_id = ?")
                .params(submissionId, candidateId)
                .query((rs, n) -> new SubmissionRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getBoolean(4), rs.getBytes(5), rs.getString(6)))
                .optional();
    }

    /** One submission: its upload, standard photo, whether it passed the checks, the probe descriptor and its model. */
    record SubmissionRow(long id, long photoId, Long standardPhotoId, boolean checksPassed, byte[] descriptor,
                         String descriptorModel) {
    }
}
