package cn.gdeea.examphoto.review;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.settings.Setting;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims and decisions on manual-review cases. A reviewer first claims a case for
 * {@link Setting#REVIEW_CLAIM_MINUTES}; only the holder of a live claim may approve or reject it.
 * Both steps are conditional updates of the case row, so of two reviewers acting at once exactly
 * one succeeds and the other gets 409, whichever node each of them reached. A decision publishes
 * {@link ManualReviewDecided} in its transaction; the candidate module moves the candidate, and if
 * it cannot (their state changed meanwhile) the decision rolls back with it.
 */
@Service
public class ReviewDecisions {

    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final SettingsService settings;
    private final ReviewCases cases;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public ReviewDecisions(JdbcClient jdbc, SettingsService settings, ReviewCases cases, ApplicationEventPublisher events,
                           AuditLog audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.cases = cases;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public ClaimView claim(AuthenticatedUser user, long caseId) {
        CaseRef ref = find(user, caseId);
        OffsetDateTime now = now();
        OffsetDateTime until = now.plusMinutes(Integer.parseInt(settings.get(Setting.REVIEW_CLAIM_MINUTES)));
        int taken = jdbc.sql("""
                update review_case set claimed_by = ?, claim_expires_at = ?
                where id = ? and status = 'PENDING'
                  and (claimed_by is null or claimed_by = ? or claim_expires_at is null or claim_expires_at <= ?)""")
                .params(user.id(), until, caseId, user.id(), now).update();
        if (taken == 0) {
            throw refusal(caseId, user);
        }
        audit.record(user, "review.claim", ref.candidateId(), ref.pointCode(), "case=" + caseId + "; until=" + until);
        return new ClaimView(caseId, user.name(), until);
    }

    @Transactional
    public void release(AuthenticatedUser user, long caseId) {
        CaseRef ref = find(user, caseId);
        int released = jdbc.sql("update review_case set claimed_by = null, claim_expires_at = null where id = ? and claimed_by = ? and status = 'PENDING'")
                .params(caseId, user.id()).update();
        if (released == 0) {
            throw ApiException.conflict("review.not_claimed", "您未领取该审核案件", "You do not hold a claim on this case");
        }
        audit.record(user, "review.release", ref.candidateId(), ref.pointCode(), "case=" + caseId);
    }

    @Transactional
    public void approve(AuthenticatedUser user, long caseId) {
        CaseRef ref = find(user, caseId);
        if (ref.submissionId() == null) {
            throw ApiException.conflict("review.no_submission", "该案件没有待采集的照片", "The case has no portrait to collect");
        }
        decide(user, ref, ReviewCaseStatus.APPROVED, null, List.of());
        events.publishEvent(new ManualReviewDecided(caseId, ref.candidateId(), true, ref.submissionId(), user.actor(),
                null, List.of()));
        audit.record(user, "review.approve", ref.candidateId(), ref.pointCode(),
                "case=" + caseId + "; submission=" + ref.submissionId());
    }

    /**
     * Rejects the case with a reason the candidate sees and, optionally, the materials that were
     * wrong; a follow-up case carrying the materials over waits for the candidate's corrections.
     */
    @Transactional
    public void reject(AuthenticatedUser user, long caseId, String reason, List<String> materials) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "请填写驳回原因（500字以内）",
                    "A rejection reason (up to 500 characters) is required",
                    List.of(new ApiError.Detail("reason", "必填，500字以内")));
        }
        CaseRef ref = find(user, caseId);
        ReviewCases.ReviewCase current = cases.byId(caseId).orElseThrow();
        List<MaterialKind> wrong = rejectedMaterials(materials, current);
        decide(user, ref, ReviewCaseStatus.REJECTED, why, wrong);
        cases.followUp(cases.byId(caseId).orElseThrow());
        events.publishEvent(new ManualReviewDecided(caseId, ref.candidateId(), false, ref.submissionId(), user.actor(),
                why, wrong));
        audit.record(user, "review.reject", ref.candidateId(), ref.pointCode(), "case=" + caseId + "; reason=" + why
                + (wrong.isEmpty() ? "" : "; materials=" + ReviewCases.encode(wrong)));
    }

    /** The materials a rejection marks: each must be one the case holds. */
    private static List<MaterialKind> rejectedMaterials(List<String> names, ReviewCases.ReviewCase c) {
        if (names == null) {
            return List.of();
        }
        List<MaterialKind> kinds = new java.util.ArrayList<>();
        for (String name : names) {
            MaterialKind kind = MaterialKind.parse(name).filter(k -> c.material(k).isPresent())
                    .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "request.invalid",
                            "驳回的资料不在该案件中：" + name, "The case holds no such material: " + name,
                            List.of(new ApiError.Detail("materials", String.valueOf(name)))));
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private void decide(AuthenticatedUser user, CaseRef ref, ReviewCaseStatus status, String reason,
                        List<MaterialKind> rejected) {
        OffsetDateTime now = now();
        int decided = jdbc.sql("""
                update review_case set status = ?, decided_by = ?, decided_at = ?, rejection_reason = ?, rejected_materials = ?
                where id = ? and status = 'PENDING' and claimed_by = ? and claim_expires_at > ?""")
                .params(status.name(), user.id(), now, reason, ReviewCases.encode(rejected), ref.id(), user.id(), now).update();
        if (decided == 0) {
            throw refusal(ref.id(), user);
        }
    }

    /** Why a claim or decision did not happen: the case is no longer pending, or someone else holds it. */
    private ApiException refusal(long caseId, AuthenticatedUser user) {
        OffsetDateTime now = now();
        return jdbc.sql("select status, claimed_by, claim_expires_at from review_case where id = ?").param(caseId)
                .query((rs, n) -> {
                    Long holder = (Long) rs.getObject(2);
                    OffsetDateTime until = rs.getObject(3, OffsetDateTime.class);
                    if (!"PENDING".equals(rs.getString(1))) {
                        return ApiException.conflict("review.not_pending", "该案件当前不在待审核状态",
                                "The case is not pending review");
                    }
                    if (holder != null && holder != user.id() && until != null && until.isAfter(now)) {
                        return ApiException.conflict("review.claimed_by_other", "该案件已由其他审核员领取",
                                "Another reviewer holds this case");
                    }
                    return ApiException.conflict("review.claim_required", "请先领取该案件（领取可能已过期）",
                            "Claim the case first (your claim may have expired)");
                })
                .single();
    }

    private CaseRef find(AuthenticatedUser user, long caseId) {
        return jdbc.sql("select id, candidate_id, point_code, submission_id from review_case where id = ?").param(caseId)
                .query((rs, n) -> new CaseRef(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4)))
                .optional()
                .filter(c -> user.mayAccessPoint(c.pointCode()))
                .orElseThrow(() -> ApiException.notFound("审核案件"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private record CaseRef(long id, long candidateId, String pointCode, Long submissionId) {
    }

    /** A claim just taken. */
    public record ClaimView(long caseId, String claimedBy, OffsetDateTime until) {
    }
}
