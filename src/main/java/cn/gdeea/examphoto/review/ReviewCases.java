package cn.gdeea.examphoto.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The owner of {@code review_case} (人工审核案件): every write to a case goes through here or
 * {@link ReviewDecisions}. A case is open while {@code AWAITING_MATERIALS} or {@code PENDING};
 * a rejection opens a follow-up case that carries the materials over, so the candidate replaces
 * only what was wrong and the rejected case stays as it was decided. All methods run in the
 * caller's transaction.
 */
@Service
public class ReviewCases {

    private static final String COLUMNS = """
            id, candidate_id, point_code, reason, status, submission_id, id_portrait_photo_id, id_emblem_photo_id,
            document_page_photo_id, hand_held_photo_id, rejection_reason, rejected_materials, previous_case_id,
            created_at, submitted_at, decided_at""";

    private final JdbcClient jdbc;

    public ReviewCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReviewCase> latest(long candidateId) {
        return jdbc.sql("select " + COLUMNS + " from review_case where candidate_id = ? order by id desc limit 1")
                .param(candidateId).query(ReviewCases::map).optional();
    }

    public Optional<ReviewCase> open(long candidateId) {
        return jdbc.sql("select " + COLUMNS + " from review_case where candidate_id = ? and status in (?, ?) order by id desc limit 1")
                .params(candidateId, ReviewCaseStatus.AWAITING_MATERIALS.name(), ReviewCaseStatus.PENDING.name())
                .query(ReviewCases::map).optional();
    }

    public Optional<ReviewCase> byId(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from review_case where id = ?").param(caseId).query(ReviewCases::map).optional();
    }

    /**
     * The candidate's open case, or a new one waiting for materials: the follow-up of a rejected
     * case (its materials carried over), else a fresh one with {@code reason}.
     */
    public ReviewCase openFor(long candidateId, String pointCode, String reason) {
        return open(candidateId).orElseGet(() -> {
            Optional<ReviewCase> rejected = latest(candidateId).filter(l -> l.status() == ReviewCaseStatus.REJECTED);
            long id = rejected.isPresent() ? followUp(rejected.get()) : create(candidateId, pointCode, reason, null);
            return byId(id).orElseThrow();
        });
    }

    /** Puts one material on a case that is still waiting for materials. */
    public void attach(long caseId, MaterialKind kind, long id) {
        jdbc.sql("update review_case set " + kind.column() + " = ? where id = ? and status = ?")
                .params(id, caseId, ReviewCaseStatus.AWAITING_MATERIALS.name()).update();
    }

    /** Sends the case to the point's queue; false when it was not waiting for materials. */
    public boolean submit(long caseId) {
        return jdbc.sql("update review_case set status = ?, submitted_at = ? where id = ? and status = ?")
                .params(ReviewCaseStatus.PENDING.name(), now(), caseId, ReviewCaseStatus.AWAITING_MATERIALS.name())
                .update() == 1;
    }

    /**
     * Closes the candidate's case that waits for materials because of {@code reason} (the candidate
     * goes back to automatic verification); false when there was none.
     */
    public boolean cancelWaiting(long candidateId, String reason, Long staffId) {
        return jdbc.sql("""
                update review_case set status = ?, decided_by = ?, decided_at = ?
                where candidate_id = ? and status = ? and reason = ?""")
                .params(ReviewCaseStatus.CANCELLED.name(), staffId, now(), candidateId,
                        ReviewCaseStatus.AWAITING_MATERIALS.name(), reason)
                .update() > 0;
    }

    /** The retention purge: the material photos of these candidates are gone. */
    public void forgetMaterials(Collection<Long> candidateIds) {
        jdbc.sql("""
                update review_case set id_portrait_photo_id = null, id_emblem_photo_id = null,
                       document_page_photo_id = null, hand_held_photo_id = null
                where candidate_id in (:ids)""").param("ids", candidateIds).update();
    }

    /** After a rejection: a new case with the same reason and the rejected case's materials. */
    long followUp(ReviewCase rejected) {
        long id = create(rejected.candidateId(), rejected.pointCode(), rejected.reason(), rejected.id());
        for (Map.Entry<MaterialKind, Long> m : rejected.materials().entrySet()) {
            attach(id, m.getKey(), m.getValue());
        }
        return id;
    }

    private long create(long candidateId, String pointCode, String reason, Long previousCaseId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into review_case (candidate_id, point_code, reason, status, previous_case_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(candidateId, pointCode, reason, ReviewCaseStatus.AWAITING_MATERIALS.name(), previousCaseId, now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    static String encode(Collection<MaterialKind> kinds) {
        return kinds == null || kinds.isEmpty() ? null
                : kinds.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    private static List<MaterialKind> decode(String kinds) {
        return kinds == null || kinds.isBlank() ? List.of()
                : Arrays.stream(kinds.split(",")).map(MaterialKind::parse).flatMap(Optional::stream).toList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ReviewCase map(ResultSet rs, int n) throws SQLException {
        Map<MaterialKind, Long> materials = new EnumMap<>(MaterialKind.class);
        int column = 6;
        for (MaterialKind kind : List.of(MaterialKind.PORTRAIT, MaterialKind.ID_PORTRAIT, MaterialKind.ID_EMBLEM,
                MaterialKind.DOCUMENT_PAGE, MaterialKind.HAND_HELD)) {
            Long id = rs.getObject(column++, Long.class);
            if (id != null) {
                materials.put(kind, id);
            }
        }
        return new ReviewCase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                ReviewCaseStatus.valueOf(rs.getString(5)), materials, rs.getString(11), decode(rs.getString(12)),
                rs.getObject(13, Long.class), rs.getObject(14, OffsetDateTime.class),
                rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class));
    }

    /**
     * One case. {@code materials} maps each material sent to its id: a submission for the portrait,
     * a photo for the others.
     */
    public record ReviewCase(long id, long candidateId, String pointCode, String reason, ReviewCaseStatus status,
                             Map<MaterialKind, Long> materials, String rejectionReason,
                             List<MaterialKind> rejectedMaterials, Long previousCaseId, OffsetDateTime createdAt,
                             OffsetDateTime submittedAt, OffsetDateTime decidedAt) {

        public ReviewCase {
            materials = Map.copyOf(materials);
            rejectedMaterials = List.copyOf(rejectedMaterials);
        }

        public Optional<Long> material(MaterialKind kind) {
            return Optional.ofNullable(materials.get(kind));
        }
    }
}
