package cn.gdeea.examphoto.roster.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A roster column, recognised by its Chinese or English header. */
public enum Column {
    CANDIDATE_NUMBER("考生号", "candidate_number", true, 32),
    NAME("姓名", "name", true, 100),
    DOCUMENT_TYPE("证件类型", "document_type", true, 24),
    DOCUMENT_NUMBER("证件号码", "document_number", true, 40),
    CITY("城市", "city", true, 40),
    POINT_CODE("报考点代码", "point_code", true, 16),
    POINT_NAME("报考点名称", "point_name", false, 100),
    POINT_PHONE("报考点电话", "point_phone", false, 40),
    PASSWORD("密码", "password", false, 100),
    REFERENCE_PHOTO("参考照片", "reference_photo", false, 255);

    private final String zh;
    private final String en;
    private final boolean required;
    private final int maxLength;

    Column(String zh, String en, boolean required, int maxLength) {
        this.zh = zh;
        this.en = en;
        this.required = required;
        this.maxLength = maxLength;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean required() {
        return required;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The column a header cell names: Chinese or English, case, spaces and a BOM ignored. */
    public static Optional<Column> byHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.replace("\uFEFF", "").replaceAll("[\\s　]", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.zh.equals(h) || c.en.equals(h) || c.en.replace("_", "").equals(h))
                .findFirst();
    }
}
