package cn.gdeea.examphoto.review;

import java.util.EnumSet;
import java.util.Set;

/** Where a manual-review case (人工审核案件) is. */
public enum ReviewCaseStatus {
    /** The candidate gathers the materials. */
    AWAITING_MATERIALS,
    /** Sent; in the point's queue (审核中). */
    PENDING,
    APPROVED,
    REJECTED,
    /** Closed without a decision: the candidate went back to automatic verification. */
    CANCELLED;

    public static final Set<ReviewCaseStatus> OPEN = EnumSet.of(AWAITING_MATERIALS, PENDING);

    public boolean open() {
        return OPEN.contains(this);
    }
}
