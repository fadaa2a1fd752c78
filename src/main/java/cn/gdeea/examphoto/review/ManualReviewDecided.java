package cn.gdeea.examphoto.review;

import java.util.List;

/**
 * A reviewer decided a manual-review case. Published inside the decision's transaction, so that the
 * candidate's move (collected, or rejected with the reason) commits with it or not at all.
 *
 * @param submissionId the portrait collected on approval
 * @param reason       the rejection reason the candidate sees; null on approval
 * @param rejected     the materials the reviewer marked as wrong (may be empty)
 */
public record ManualReviewDecided(long caseId, long candidateId, boolean approved, Long submissionId, String actor,
                                  String reason, List<MaterialKind> rejected) {
}
