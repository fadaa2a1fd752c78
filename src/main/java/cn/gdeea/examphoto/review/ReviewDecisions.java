package cn.gdeea.examphoto.review;

import cn.gdeea.examphoto.audit.AuditLog;
import cn.gdeea.examphoto.candidate.CandidateState;
import cn.gdeea.examphoto.candidate.StateTransitions;
import cn.gdeea.examphoto.security.AuthenticatedUser;
import cn.gdeea.examphoto.settings.Setting;
import cn.gdeea.examphoto.settings.SettingsService;
import cn.gdeea.examphoto.web.ApiError;
import cn.gdeea.examphoto.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims and decisions on manual-review cases. A reviewer first claims a case for
 * {@link Setting#REVIEW_CLAIM_MINUTES}; only the holder of a live claim may approve or reject it.
 * Both steps are conditional updates of the case row, so of two reviewers acting at once exactly
 * one succeeds and the other gets 409, whichever node each of them reached.
 */
@Service
public class ReviewDecisions {

    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final SettingsService settings;
    private final StateTransitions transitions;
    private final AuditLog audit;

    public ReviewDecisions(JdbcClient jdbc, SettingsService settings, StateTransitions transitions, AuditLog audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.transitions = transitions;
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
        decide(user, ref, "APPROVED", null);
        boolean moved = transitions.move(ref.candidateId(), Set.of(CandidateState.MANUAL_PENDING), CandidateState.COLLECTED,
                user.actor(), "人工审核通过 / manual review approved (case " + caseId + ")");
        if (!moved) {
            throw candidateMoved();
        }
        jdbc.sql("update candidate set collected_submission_id = ? where id = ?").params(ref.submissionId(), ref.candidateId()).update();
        audit.record(user, "review.approve", ref.candidateId(), ref.pointCode(),
                "case=" + caseId + "; submission=" + ref.submissionId());
    }

    @Transactional
    public void reject(AuthenticatedUser user, long caseId, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "请填写驳回原因（500字以内）",
                    "A rejection reason (up to 500 characters) is required",
                    List.of(new ApiError.Detail("reason", "必填，500字以内")));
        }
        CaseRef ref = find(user, caseId);
        decide(user, ref, "REJECTED", why);
        boolean moved = transitions.move(ref.candidateId(), Set.of(CandidateState.MANUAL_PENDING),
                CandidateState.MANUAL_REJECTED, user.actor(), "人工审核不通过 / manual review rejected (case " + caseId + "): " + why);
        if (!moved) {
            throw candidateMoved();
        }
        audit.record(user, "review.reject", ref.candidateId(), ref.pointCode(), "case=" + caseId + "; reason=" + why);
    }

    private void decide(AuthenticatedUser user, CaseRef ref, String status, String reason) {
        OffsetDateTime now = now();
        int decided = jdbc.sql("""
                update review_case set status = ?, decided_by = ?, decided_at = ?, rejection_reason = ?
                where id = ? and status = 'PENDING' and claimed_by = ? and claim_expires_at > ?""")
                .params(status, user.id(), now, reason, ref.id(), user.id(), now).update();
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

    private static ApiException candidateMoved() {
        return ApiException.conflict("review.candidate_state", "考生状态已变化，无法作出该决定",
                "The candidate's state has changed; the decision cannot be applied");
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
