package cn.gdeea.examphoto.storage;

/** What a stored photo is. */
public enum PhotoKind {
    /** The reference photo from pre-registration (e.g. the ID-card chip photo). */
    REFERENCE,
    /** A portrait as the candidate uploaded it. */
    UPLOAD,
    /** The 480×640 standard photo made from an accepted upload. */
    STANDARD,
    /** 人像面: the ID card's portrait side, for manual review. */
    ID_PORTRAIT,
    /** 国徽面: the ID card's national-emblem side. */
    ID_EMBLEM,
    /** 手持身份证: the candidate holding the ID card. */
    HAND_HELD
}
