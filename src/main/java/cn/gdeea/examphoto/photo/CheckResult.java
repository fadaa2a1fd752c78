package cn.gdeea.examphoto.photo;

import cn.gdeea.examphoto.face.Box;

/**
 * The outcome of one photo-guide check (拍照要求): what was measured, the configured threshold,
 * whether it passed, and for a failure the reason (what is wrong) and the advice (what to do about
 * it) as separate texts, zh-CN and English, with where in the photo the problem is. A
 * {@code warning} check never fails the photo: it only advises. Advice only asks for what the
 * candidate can do with the app (retake, move, change the light); it never names a camera
 * feature the app does not offer.
 *
 * @param region   the image region concerned, in photo pixels; {@code null} when the whole photo
 * @param causedBy for a failure that another failed check explains (a knock-on failure, such as a
 *                 flash hot spot failing {@code glasses}), that check's id; empty otherwise
 */
public record CheckResult(String id, boolean pass, boolean warning, double value, double threshold,
                          String reason, String reasonEn, String advice, String adviceEn, Box region,
                          String causedBy) {

    public static CheckResult passed(String id, double value, double threshold, Box region) {
        return new CheckResult(id, true, false, value, threshold, "", "", "", "", region, "");
    }

    public static CheckResult failed(String id, double value, double threshold, Box region,
                                     String reason, String reasonEn, String advice, String adviceEn) {
        return new CheckResult(id, false, false, value, threshold, reason, reasonEn, advice, adviceEn, region, "");
    }

    /** A result that advises without failing the photo. */
    public static CheckResult warned(String id, double value, double threshold, Box region,
                                     String reason, String reasonEn, String advice, String adviceEn) {
        return new CheckResult(id, false, true, value, threshold, reason, reasonEn, advice, adviceEn, region, "");
    }

    /** This failure, marked as explained by the failure of {@code rootCheck}. */
    public CheckResult causedBy(String rootCheck) {
        return new CheckResult(id, pass, warning, value, threshold, reason, reasonEn, advice, adviceEn, region, rootCheck);
    }

    /** Reason and advice in one sentence pair (zh-CN), as the API's {@code message} has always carried them. */
    public String message() {
        return join(reason, advice, "。");
    }

    /** Reason and advice in one text (English), the API's {@code messageEn}. */
    public String messageEn() {
        return join(reasonEn, adviceEn, ". ");
    }

    /** Whether this result should stop the photo being accepted. */
    public boolean blocks() {
        return !pass && !warning;
    }

    /** Whether another failed check explains this failure, so the candidate is not told about it. */
    public boolean knockOn() {
        return !causedBy.isEmpty();
    }

    private static String join(String first, String second, String separator) {
        if (second.isEmpty()) {
            return first;
        }
        return first.isEmpty() ? second : first + separator + second;
    }
}
