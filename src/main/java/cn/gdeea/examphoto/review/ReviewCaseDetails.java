package cn.gdeea.examphoto.review;

import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.web.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything the side-by-side review view needs (人工审核): the portrait with its check report,
 * the reference photo, both ID-card sides (or another document's photo page), the hand-held photo,
 * every verification attempt with the photo it compared, and the candidate's history. Photos are
 * given as URLs of the authorised photo endpoint.
 */
@Service
public class ReviewCaseDetails {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ReviewCaseDetails(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Detail get(AuthenticatedUser user, long caseId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CaseRow row = jdbc.sql("""
                select rc.id, rc.candidate_id, rc.point_code, rc.reason, rc.status, rc.submission_id,
                       rc.id_portrait_photo_id, rc.id_emblem_photo_id, rc.hand_held_photo_id, rc.claimed_by,
                       s.username, s.display_name, rc.claim_expires_at, rc.decided_by, d.display_name, rc.decided_at,
                       rc.rejection_reason, rc.created_at, rc.submitted_at, rc.document_page_photo_id, rc.rejected_materials
                from review_case rc
                left join staff_account s on s.id = rc.claimed_by
                left join staff_account d on d.id = rc.decided_by
                where rc.id = ?""")
                .param(caseId)
                .query((rs, n) -> {
                    Long claimedBy = (Long) rs.getObject(10);
                    OffsetDateTime until = rs.getObject(13, OffsetDateTime.class);
                    ReviewQueue.Claim claim = claimedBy == null ? null : new ReviewQueue.Claim(rs.getString(11),
                            rs.getString(12), until, until != null && until.isAfter(now), claimedBy == user.id());
                    return new CaseRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            (Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8), (Long) rs.getObject(9),
                            claim, rs.getString(15), rs.getObject(16, OffsetDateTime.class), rs.getString(17),
                            rs.getObject(18, OffsetDateTime.class), rs.getObject(19, OffsetDateTime.class),
                            (Long) rs.getObject(20), rs.getString(21));
                })
                .optional()
                .filter(c -> user.mayAccessPoint(c.pointCode()))
                .orElseThrow(() -> ApiException.notFound("审核案件"));

        CandidateView candidate = jdbc.sql("""
                select c.id, c.candidate_number, c.name, c.document_type, c.document_number, c.city, c.point_code,
                       p.name, c.state, c.attempts_used, c.rare_name, c.reference_photo_id
                from candidate c join registration_point p on p.code = c.point_code where c.id = ?""")
                .param(row.candidateId())
                .query((rs, n) -> new CandidateView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        DocumentType.parse(rs.getString(4)).map(DocumentType::labelZh).orElse(rs.getString(4)),
                        IdNumber.mask(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getInt(10), rs.getBoolean(11), (Long) rs.getObject(12)))
                .single();

        Portrait portrait = row.submissionId() == null ? null : jdbc.sql("""
                select id, photo_id, standard_photo_id, checks_passed, check_report, created_at from submission where id = ?""")
                .param(row.submissionId())
                .query((rs, n) -> new Portrait(rs.getLong(1), PhotoLink.of((Long) rs.getObject(2)),
                        PhotoLink.of((Long) rs.getObject(3)), rs.getBoolean(4), CheckReports.parse(json, rs.getString(5)),
                        CheckReports.failed(json, rs.getString(5)), rs.getObject(6, OffsetDateTime.class)))
                .optional().orElse(null);

        List<Attempt> attempts = jdbc.sql("""
                select a.id, a.attempt_no, a.submission_id, a.score, a.matched, a.threshold, a.reason, a.verifier,
                       a.spent, a.created_at, s.photo_id
                from verification_attempt a join submission s on s.id = a.submission_id
                where a.candidate_id = ? order by a.created_at, a.id""")
                .param(row.candidateId())
                .query((rs, n) -> new Attempt(rs.getLong(1), rs.getInt(2), rs.getLong(3), (Double) rs.getObject(4),
                        rs.getBoolean(5), (Double) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                        rs.getObject(10, OffsetDateTime.class), PhotoLink.of((Long) rs.getObject(11))))
                .list();

        List<Event> events = jdbc.sql("""
                select from_state, to_state, actor, detail, created_at from candidate_event
                where candidate_id = ? order by id""")
                .param(row.candidateId())
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();

        List<PastCase> cases = jdbc.sql("""
                select rc.id, rc.reason, rc.status, rc.submitted_at, d.display_name, rc.decided_at, rc.rejection_reason
                from review_case rc left join staff_account d on d.id = rc.decided_by
                where rc.candidate_id = ? order by rc.created_at, rc.id""")
                .param(row.candidateId())
                .query((rs, n) -> new PastCase(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7)))
                .list();

        return new Detail(row.id(), row.reason(), row.status(), row.pointCode(), row.createdAt(), row.submittedAt(),
                row.claim(), row.decidedBy(), row.decidedAt(), row.rejectionReason(), candidate, portrait,
                PhotoLink.of(candidate.referencePhotoId()), PhotoLink.of(row.idPortrait()), PhotoLink.of(row.idEmblem()),
                PhotoLink.of(row.handHeld()), PhotoLink.of(row.documentPage()),
                row.rejectedMaterials() == null ? List.of() : List.of(row.rejectedMaterials().split(",")),
                MaterialKind.requiredFor(DocumentType.parse(candidate.documentType())).stream().map(Enum::name).toList(),
                attempts, events, cases);
    }

    private record CaseRow(long id, long candidateId, String pointCode, String reason, String status, Long submissionId,
                           Long idPortrait, Long idEmblem, Long handHeld, ReviewQueue.Claim claim, String decidedBy,
                           OffsetDateTime decidedAt, String rejectionReason, OffsetDateTime createdAt,
                           OffsetDateTime submittedAt, Long documentPage, String rejectedMaterials) {
    }

    /** A photo the console loads from {@code GET /api/staff/photos/{id}}. */
    public record PhotoLink(long id, String url) {
        static PhotoLink of(Long id) {
            return id == null ? null : new PhotoLink(id, "/api/staff/photos/" + id);
        }
    }

    /** The case, its candidate, the photos side by side, and the history. */
    public record Detail(long id, String reason, String status, String pointCode, OffsetDateTime createdAt,
                         OffsetDateTime submittedAt, ReviewQueue.Claim claim, String decidedBy, OffsetDateTime decidedAt,
                         String rejectionReason, CandidateView candidate, Portrait portrait, PhotoLink reference,
                         PhotoLink idPortrait, PhotoLink idEmblem, PhotoLink handHeld, PhotoLink documentPage,
                         List<String> rejectedMaterials, List<String> requiredMaterials, List<Attempt> attempts,
                         List<Event> history, List<PastCase> cases) {
    }

    /** The candidate as staff see them: the document number masked. */
    public record CandidateView(long id, String candidateNumber, String name, String documentType,
                                String documentTypeLabel, String documentNumber, String city, String pointCode,
                                String pointName, String state, int attemptsUsed, boolean rareName, Long referencePhotoId) {
    }

    /** The portrait to collect, as submitted, with its photo-check report. */
    public record Portrait(long submissionId, PhotoLink photo, PhotoLink standardPhoto, boolean checksPassed,
                           JsonNode checkReport, List<CheckReports.FailedCheck> failedChecks, OffsetDateTime submittedAt) {
    }

    /**
     * One 人证核验 attempt, with the photo it verified: the failed attempts' photos side by side show
     * whether the same person tried each time. {@code photo} is null once retention purged it;
     * {@code spent} says whether it used up an attempt (a match does not).
     */
    public record Attempt(long id, int attemptNo, long submissionId, Double score, boolean matched, Double threshold,
                          String reason, String verifier, boolean spent, OffsetDateTime at, PhotoLink photo) {
    }

    /** One state change of the candidate. */
    public record Event(String from, String to, String actor, String detail, OffsetDateTime at) {
    }

    /** Another (or this) review case of the candidate, with its decision. */
    public record PastCase(long id, String reason, String status, OffsetDateTime submittedAt, String decidedBy,
                           OffsetDateTime decidedAt, String rejectionReason) {
    }
}
