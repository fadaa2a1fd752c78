package cn.gdeea.examphoto.photo;

import cn.gdeea.examphoto.face.Box;

/**
 * The outcome of one photo-guide check (拍照要求): what was measured, the configured threshold,
 * whether it passed, what to tell the candidate (zh-CN and English), and where in the photo the
 * problem is. A {@code warning} check never fails the photo: it only advises.
 *
 * @param region the image region concerned, in photo pixels; {@code null} when the whole photo
 */
public record CheckResult(String id, boolean pass, boolean warning, double value, double threshold,
                          String message, String messageEn, Box region) {

    public static CheckResult passed(String id, double value, double threshold, Box region) {
        return new CheckResult(id, true, false, value, threshold, "", "", region);
    }

    public static CheckResult failed(String id, double value, double threshold, Box region,
                                     String message, String messageEn) {
        return new CheckResult(id, false, false, value, threshold, message, messageEn, region);
    }

    /** Whether this result should stop the photo being accepted. */
    public boolean blocks() {
        return !pass && !warning;
    }
}
