package cn.gdeea.examphoto.review;

import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.storage.PhotoKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The manual-review materials (人工审核资料) and where each is kept on the case. Which of them a
 * candidate sends depends on the document: the two sides of a resident ID card, or the photo page
 * of any other document (passport, 军官证, 港澳台 permits …); always the portrait to collect and a
 * photo of the candidate holding the document.
 */
public enum MaterialKind {
    /** The portrait to collect; goes through the photo-guide checks like any upload. */
    PORTRAIT("submission_id", PhotoKind.UPLOAD, false, "照片", "Portrait"),
    /** 人像面 of a resident ID card. */
    ID_PORTRAIT("id_portrait_photo_id", PhotoKind.ID_PORTRAIT, true, "身份证人像面", "ID card, portrait side"),
    /** 国徽面 of a resident ID card. */
    ID_EMBLEM("id_emblem_photo_id", PhotoKind.ID_EMBLEM, true, "身份证国徽面", "ID card, emblem side"),
    /** 证件照片页: the page of a passport or another document that carries the photo. */
    DOCUMENT_PAGE("document_page_photo_id", PhotoKind.ID_PORTRAIT, true, "证件照片页", "Document photo page"),
    /** 手持证件: the candidate holding the document beside the face. */
    HAND_HELD("hand_held_photo_id", PhotoKind.HAND_HELD, true, "手持证件照片", "Holding the document");

    private static final Set<MaterialKind> ID_CARD = EnumSet.of(PORTRAIT, ID_PORTRAIT, ID_EMBLEM, HAND_HELD);
    private static final Set<MaterialKind> OTHER_DOCUMENT = EnumSet.of(PORTRAIT, DOCUMENT_PAGE, HAND_HELD);

    private final String column;
    private final PhotoKind photoKind;
    private final boolean landscape;
    private final String labelZh;
    private final String labelEn;

    MaterialKind(String column, PhotoKind photoKind, boolean landscape, String labelZh, String labelEn) {
        this.column = column;
        this.photoKind = photoKind;
        this.landscape = landscape;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The materials a candidate with this document sends, in the order the app asks for them. */
    public static List<MaterialKind> requiredFor(Optional<DocumentType> document) {
        Set<MaterialKind> kinds = document.orElse(null) == DocumentType.ID_CARD ? ID_CARD : OTHER_DOCUMENT;
        return List.copyOf(kinds);
    }

    String column() {
        return column;
    }

    public PhotoKind photoKind() {
        return photoKind;
    }

    /** Whether the photo must be taken in landscape (checked on the server). */
    public boolean landscape() {
        return landscape;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<MaterialKind> parse(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
