package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.storage.PhotoKind;
import java.util.Locale;
import java.util.Optional;

/** The manual-review materials (人工审核资料) and where each is kept on the case. */
enum MaterialKind {
    /** The portrait to collect; goes through the photo-guide checks like any upload. */
    PORTRAIT("submission_id", PhotoKind.UPLOAD, false),
    /** 人像面. */
    ID_PORTRAIT("id_portrait_photo_id", PhotoKind.ID_PORTRAIT, true),
    /** 国徽面. */
    ID_EMBLEM("id_emblem_photo_id", PhotoKind.ID_EMBLEM, true),
    /** 手持身份证. */
    HAND_HELD("hand_held_photo_id", PhotoKind.HAND_HELD, false);

    private final String column;
    private final PhotoKind photoKind;
    private final boolean landscape;

    MaterialKind(String column, PhotoKind photoKind, boolean landscape) {
        this.column = column;
        this.photoKind = photoKind;
        this.landscape = landscape;
    }

    String column() {
        return column;
    }

    PhotoKind photoKind() {
        return photoKind;
    }

    /** Whether the photo must be taken in landscape (an ID card side fills a landscape frame). */
    boolean landscape() {
        return landscape;
    }

    static Optional<MaterialKind> parse(String value) {
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
