package cn.gdeea.examphoto.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings an admin may change at run time (SPEC §6). Each has a default from configuration
 * ({@code examphoto.defaults.<name>}) or, failing that, the built-in value here.
 */
public enum Setting {
    ATTEMPT_LIMIT("attempt-limit", Type.INTEGER, "3", "每位考生人证核验次数", "Verification attempts per candidate"),
    CANDIDATE_NUMBER_PATTERN("candidate-number-pattern", Type.REGEX, "\\d{2}44\\d{10}",
            "考生号格式（正则表达式）", "Candidate number format (regular expression)"),
    CANDIDATE_NUMBER_HINT("candidate-number-hint", Type.TEXT, "考生号为14位数字，第3-4位为44",
            "考生号格式提示", "Candidate number format hint"),
    VERIFICATION_THRESHOLD("verification-threshold", Type.DECIMAL, "0.31",
            "人证核验通过阈值（相似度）", "Verification threshold (similarity)"),
    REVIEW_CLAIM_MINUTES("review-claim-minutes", Type.INTEGER, "15",
            "审核领取有效时间（分钟）", "Minutes a reviewer's claim on a case lasts"),
    FORGOT_PASSWORD_TEXT("forgot-password-text", Type.TEXT,
            "请登录广东省高考报名系统，通过“忘记密码”功能找回密码；如仍有问题，请联系所在报考点。",
            "“忘记密码”提示", "Forgot-password text"),
    AGREEMENT_TEXT("agreement-text", Type.TEXT,
            "本次考试采集相关条例：考生照片及身份信息仅用于本次考试报名、资格审查及考试期间身份核验，"
                    + "采集机构按国家有关规定保存和销毁，不作其他用途。考生须本人参加采集，如实提交照片与资料；"
                    + "弄虚作假者按有关规定处理。",
            "《本次考试采集相关条例》全文", "Agreement text"),
    HOTLINE_TEXT("hotline-text", Type.TEXT, "如有疑问，请拨打所在报考点咨询电话。",
            "咨询电话说明", "Hotline note"),
    REVIEW_DAYS("review-days", Type.INTEGER, "3",
            "人工审核预计完成时间（工作日，告知考生）", "Working days a manual review takes (told to candidates)");

    public enum Type { INTEGER, DECIMAL, TEXT, REGEX }

    private final String key;
    private final Type type;
    private final String builtIn;
    private final String labelZh;
    private final String labelEn;

    Setting(String key, Type type, String builtIn, String labelZh, String labelEn) {
        this.key = key;
        this.type = type;
        this.builtIn = builtIn;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public String builtIn() {
        return builtIn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
