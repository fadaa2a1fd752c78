package cn.gdeea.examphoto.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity document a candidate registered with. Only the resident ID card (居民身份证) can be
 * verified automatically against the ID-card chip photo; every other document goes to manual
 * review (人工审核) without spending attempts.
 */
public enum DocumentType {
    ID_CARD("居民身份证", "Resident ID card"),
    PASSPORT("护照", "Passport"),
    MILITARY_OFFICER("军官证", "Military officer card"),
    SOLDIER("士兵证", "Soldier card"),
    HK_MACAO_PERMIT("港澳居民来往内地通行证", "Mainland travel permit for Hong Kong and Macao residents"),
    TAIWAN_PERMIT("台湾居民来往大陆通行证", "Mainland travel permit for Taiwan residents");

    private final String labelZh;
    private final String labelEn;

    DocumentType(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean verifiableAutomatically() {
        return this == ID_CARD;
    }

    /** Reads a roster value: the code ({@code ID_CARD}), the Chinese name, or the usual short forms. */
    public static Optional<DocumentType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        String upper = v.toUpperCase(Locale.ROOT);
        Optional<DocumentType> exact = Arrays.stream(values())
                .filter(t -> t.name().equals(upper) || t.labelZh.equals(v)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return Optional.ofNullable(switch (v) {
            case "身份证", "1", "01" -> ID_CARD;
            case "港澳通行证", "港澳居民通行证" -> HK_MACAO_PERMIT;
            case "台胞证", "台湾通行证" -> TAIWAN_PERMIT;
            default -> null;
        });
    }
}
