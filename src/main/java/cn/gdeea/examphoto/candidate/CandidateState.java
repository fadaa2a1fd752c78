package cn.gdeea.examphoto.candidate;

/**
 * Where a candidate is in the journey (SPEC §3):
 * {@code NOT_STARTED → PHOTO_CHECKED → VERIFIED → COLLECTED}; after the last failed verification
 * attempt, or at once for documents and names that cannot be verified automatically,
 * {@code MANUAL_REQUIRED → MANUAL_PENDING → COLLECTED | MANUAL_REJECTED → MANUAL_PENDING …}.
 */
public enum CandidateState {
    NOT_STARTED,
    /** A photo passed the photo-guide checks and awaits verification. */
    PHOTO_CHECKED,
    /** Verified against the reference photo; awaits "确认无误并提交". */
    VERIFIED,
    /** 采集成功: the photo is collected. */
    COLLECTED,
    /** Must send manual-review materials (人工审核资料). */
    MANUAL_REQUIRED,
    /** 审核中: materials sent, awaiting a reviewer. */
    MANUAL_PENDING,
    /** The reviewer rejected the materials; the candidate may send them again. */
    MANUAL_REJECTED
}
