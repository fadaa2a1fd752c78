package cn.gdeea.examphoto.staff;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate record (考生档案) as staff see it: search within the caller's points, and one
 * candidate's data (document number masked), attempts, submissions, review cases and history.
 */
@Service
public class CandidateRecords {

    static final int MAX_SIZE = 100;

    private final JdbcClient jdbc;
    private final StaffScope scope;
    private final SettingsService settings;
    private final AuditLog audit;

    public CandidateRecords(JdbcClient jdbc, StaffScope scope, SettingsService settings, AuditLog audit) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * By candidate number (exact, or prefix) or name (part of it), within the caller's points.
     * Ordered by candidate number so paging is stable.
     */
    public Page search(AuthenticatedUser user, String q, String point, String state, int page, int size) {
        int limit = Math.max(1, Math.min(size, MAX_SIZE));
        List<String> points = user.pointFilter(point);
        if (points != null && points.isEmpty()) {
            return new Page(List.of(), 0, page, limit);
        }
        if (state != null && !state.isBlank()) {
            try {
                CandidateState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("request.invalid", "未知的考生状态", "Unknown candidate state");
            }
        }
        StringBuilder where = new StringBuilder("1 = 1");
        if (points != null) {
            where.append(" and c.point_code in (:points)");
        }
        if (state != null && !state.isBlank()) {
            where.append(" and c.state = :state");
        }
        String term = q == null ? "" : q.trim();
        if (!term.isEmpty()) {
            where.append(" and (c.candidate_number like :prefix or c.name like :part)");
        }
        String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        var rows = jdbc.sql("""
                select c.id, c.candidate_number, c.name, c.document_type, c.city, c.point_code, p.name, c.state,
                       c.attempts_used, c.rare_name
                from candidate c join registration_point p on p.code = c.point_code
                where """ + " " + where + " order by c.candidate_number limit :limit offset :offset")
                .param("limit", limit).param("offset", Math.max(0, page) * limit);
        var count = jdbc.sql("select count(*) from candidate c where " + where);
        if (points != null) {
            rows = rows.param("points", points);
            count = count.param("points", points);
        }
        if (state != null && !state.isBlank()) {
            rows = rows.param("state", state);
            count = count.param("state", state);
        }
        if (!term.isEmpty()) {
            rows = rows.param("prefix", escaped + "%").param("part", "%" + escaped + "%");
            count = count.param("prefix", escaped + "%").param("part", "%" + escaped + "%");
        }
        List<Summary> items = rows.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getBoolean(10))).list();
        return new Page(items, count.query(Long.class).single(), Math.max(0, page), limit);
    }

    /**
     * The full document number of a candidate in the caller's points, for the moment a reviewer must
     * compare it with the ID card. Every reveal is audited (the detail carries the masked number only).
     */
    @Transactional
    public Revealed revealDocumentNumber(AuthenticatedUser user, long candidateId) {
        String point = scope.requireCandidate(user, candidateId);
        String number = jdbc.sql("select document_number from candidate where id = ?").param(candidateId)
                .query(String.class).single();
        audit.record(user, "candidate.reveal_document", candidateId, point, "document=" + IdNumber.mask(number));
        return new Revealed(candidateId, number);
    }

    public Record get(AuthenticatedUser user, long candidateId) {
        scope.requireCandidate(user, candidateId);
        int limit = settings.attemptLimit();
        Record.Data data = jdbc.sql("""
                select c.id, c.candidate_number, c.name, c.document_type, c.document_number, c.city, c.point_code, p.name,
                       c.state, c.attempts_used, c.rare_name, c.reference_photo_id, c.collected_submission_id,
                       c.reference_descriptor is not null, c.created_at, c.updated_at
                from candidate c join registration_point p on p.code = c.point_code where c.id = ?""")
                .param(candidateId)
                .query((rs, n) -> new Record.Data(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        DocumentType.parse(rs.getString(4)).map(DocumentType::labelZh).orElse(rs.getString(4)),
                        IdNumber.mask(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getInt(10), Math.max(0, limit - rs.getInt(10)), rs.getBoolean(11), link((Long) rs.getObject(12)),
                        (Long) rs.getObject(13), rs.getBoolean(14), rs.getObject(15, OffsetDateTime.class),
                        rs.getObject(16, OffsetDateTime.class)))
                .single();
        List<Record.Submission> submissions = jdbc.sql("""
                select id, photo_id, standard_photo_id, checks_passed, created_at from submission
                where candidate_id = ? order by created_at, id""")
                .param(candidateId)
                .query((rs, n) -> new Record.Submission(rs.getLong(1), link(rs.getLong(2)), link((Long) rs.getObject(3)),
                        rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
        List<Record.Attempt> attempts = jdbc.sql("""
                select id, attempt_no, submission_id, score, matched, threshold, reason, verifier, created_at
                from verification_attempt where candidate_id = ? order by created_at, id""")
                .param(candidateId)
                .query((rs, n) -> new Record.Attempt(rs.getLong(1), rs.getInt(2), rs.getLong(3), (Double) rs.getObject(4),
                        rs.getBoolean(5), (Double) rs.getObject(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
        List<Record.Case> cases = jdbc.sql("""
                select rc.id, rc.reason, rc.status, rc.created_at, rc.submitted_at, d.display_name, rc.decided_at,
                       rc.rejection_reason
                from review_case rc left join staff_account d on d.id = rc.decided_by
                where rc.candidate_id = ? order by rc.created_at, rc.id""")
                .param(candidateId)
                .query((rs, n) -> new Record.Case(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
                .list();
        List<Record.Event> events = jdbc.sql("""
                select from_state, to_state, actor, detail, created_at from candidate_event
                where candidate_id = ? order by id""")
                .param(candidateId)
                .query((rs, n) -> new Record.Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
        return new Record(data, submissions, attempts, cases, events, audit.recent(candidateId, 200, Long.MAX_VALUE));
    }

    private static Record.Photo link(Long id) {
        return id == null ? null : new Record.Photo(id, "/api/staff/photos/" + id);
    }

    /** A document number shown in full, on request. */
    public record Revealed(long candidateId, String documentNumber) {
    }

    /** A page of search results and the number of matches. */
    public record Page(List<Summary> items, long total, int page, int size) {
    }

    /** A search hit. */
    public record Summary(long id, String candidateNumber, String name, String documentType, String city,
                          String pointCode, String pointName, String state, int attemptsUsed, boolean rareName) {
    }

    /** One candidate's whole record. */
    public record Record(Data candidate, List<Submission> submissions, List<Attempt> attempts, List<Case> reviewCases,
                         List<Event> history, List<AuditLog.AuditEntry> audit) {

        /** The candidate's data; {@code documentNumber} is masked. */
        public record Data(long id, String candidateNumber, String name, String documentType, String documentTypeLabel,
                           String documentNumber, String city, String pointCode, String pointName, String state,
                           int attemptsUsed, int attemptsLeft, boolean rareName, Photo referencePhoto,
                           Long collectedSubmissionId, boolean hasReferenceDescriptor, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {
        }

        public record Photo(long id, String url) {
        }

        public record Submission(long id, Photo photo, Photo standardPhoto, boolean checksPassed, OffsetDateTime at) {
        }

        public record Attempt(long id, int attemptNo, long submissionId, Double score, boolean matched, Double threshold,
                              String reason, String verifier, OffsetDateTime at) {
        }

        public record Case(long id, String reason, String status, OffsetDateTime createdAt, OffsetDateTime submittedAt,
                           String decidedBy, OffsetDateTime decidedAt, String rejectionReason) {
        }

        public record Event(String from, String to, String actor, String detail, OffsetDateTime at) {
        }
    }
}
