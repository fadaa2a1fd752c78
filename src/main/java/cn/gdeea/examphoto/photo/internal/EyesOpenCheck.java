package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.photo.CheckResult;
import java.util.List;

/**
 * Eyes open (双眼睁开): the eye aspect ratio of Soukupová and Čech (2016) — the lids' mean opening
 * over the eye's width — from the landmarks, averaged over both eyes. Open eyes measure 0.24–0.38
 * on the evaluation set. Limitation: face-api's landmark network places the lids largely by the
 * face's shape, so on a photo with eyes closed it often still reports open eyes (see
 * docs/photo-checks.md); the check catches what the landmarks do show.
 */
final class EyesOpenCheck implements PhotoCheck {

    static final String ID = "eyes_open";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        var landmarks = photo.face().landmarks();
        double ratio = (aspectRatio(landmarks.leftEye()) + aspectRatio(landmarks.rightEye())) / 2;
        double min = photo.settings().get("eyes-open.min-aspect-ratio", 0.18);
        FaceFrame frame = photo.frame();
        var region = frame.imageBox(frame.u(36) - 0.15, -0.3, frame.u(45) + 0.15, 0.3);
        if (ratio >= min) {
            return CheckResult.passed(ID, ratio, min, region);
        }
        return CheckResult.failed(ID, ratio, min, region,
                "检测到闭眼或眯眼。请自然睁开双眼、目视镜头后重新拍照",
                "The eyes look closed or half closed. Open your eyes naturally, look at the camera and retake the photo");
    }

    /** (|p2−p6| + |p3−p5|) / (2 |p1−p4|) over the six points of one eye. */
    static double aspectRatio(List<Point> eye) {
        double width = eye.get(0).distanceTo(eye.get(3));
        double opening = eye.get(1).distanceTo(eye.get(5)) + eye.get(2).distanceTo(eye.get(4));
        return width <= 0 ? 0 : opening / (2 * width);
    }
}
