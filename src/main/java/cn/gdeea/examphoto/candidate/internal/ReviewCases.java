package cn.gdeea.examphoto.candidate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The candidate's side of {@code review_case} (人工审核). A case is open while
 * {@code AWAITING_MATERIALS} (the candidate gathers materials) or {@code PENDING} (sent, awaiting a
 * reviewer); the staff side closes it as {@code APPROVED} or {@code REJECTED}.
 */
@Repository
class ReviewCases {

    static final String AWAITING_MATERIALS = "AWAITING_MATERIALS";
    static final String PENDING = "PENDING";
    static final String REJECTED = "REJECTED";

    private static final String COLUMNS = """
            id, reason, status, submission_id, id_portrait_photo_id, id_emblem_photo_id, hand_held_photo_id,
            rejection_reason, created_at, submitted_at, decided_at""";

    private final JdbcClient jdbc;

    ReviewCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReviewCase> latest(long candidateId) {
        return jdbc.sql("select " + COLUMNS + " from review_case where candidate_id = ? order by id desc limit 1")
                .param(candidateId).query(ReviewCases::map).optional();
    }

    Optional<ReviewCase> open(long candidateId) {
        return jdbc.sql("select " + COLUMNS + " from review_case where candidate_id = ? and status in (?, ?) order by id desc limit 1")
                .params(candidateId, AWAITING_MATERIALS, PENDING).query(ReviewCases::map).optional();
    }

    long create(long candidateId, String pointCode, String reason) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into review_case (candidate_id, point_code, reason, status, created_at) values (?, ?, ?, ?, ?)")
                .params(candidateId, pointCode, reason, AWAITING_MATERIALS, now()).update(key, "id");
        return key.getKey().longValue();
    }

    /** A new case after a rejection: same reason, the previous materials carried over to be replaced as needed. */
    long reopen(long candidateId, String pointCode, ReviewCase rejected) {
        long id = create(candidateId, pointCode, rejected.reason());
        jdbc.sql("update review_case set submission_id = ?, id_portrait_photo_id = ?, id_emblem_photo_id = ?, hand_held_photo_id = ? where id = ?")
                .params(rejected.submissionId(), rejected.idPortraitPhotoId(), rejected.idEmblemPhotoId(),
                        rejected.handHeldPhotoId(), id)
                .update();
        return id;
    }

    void setMaterial(long caseId, MaterialKind kind, long id) {
        jdbc.sql("update review_case set " + kind.column() + " = ? where id = ?").params(id, caseId).update();
    }

    boolean submit(long caseId) {
        return jdbc.sql("update review_case set status = ?, submitted_at = ? where id = ? and status = ?")
                .params(PENDING, now(), caseId, AWAITING_MATERIALS).update() == 1;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ReviewCase map(ResultSet rs, int n) throws SQLException {
        return new ReviewCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getObject(7, Long.class), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
                rs.getObject(11, OffsetDateTime.class));
    }

    /** One case as the candidate sees it. */
    record ReviewCase(long id, String reason, String status, Long submissionId, Long idPortraitPhotoId,
                      Long idEmblemPhotoId, Long handHeldPhotoId, String rejectionReason, OffsetDateTime createdAt,
                      OffsetDateTime submittedAt, OffsetDateTime decidedAt) {

        boolean open() {
            return AWAITING_MATERIALS.equals(status) || PENDING.equals(status);
        }

        /** The id on this case of one material: a submission for the portrait, a photo for the others. */
        Long material(MaterialKind kind) {
            return switch (kind) {
                case PORTRAIT -> submissionId;
                case ID_PORTRAIT -> idPortraitPhotoId;
                case ID_EMBLEM -> idEmblemPhotoId;
                case HAND_HELD -> handHeldPhotoId;
            };
        }

        boolean complete() {
            return submissionId != null && idPortraitPhotoId != null && idEmblemPhotoId != null && handHeldPhotoId != null;
        }
    }
}
