package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.photo.CheckResult;
import java.util.List;

/**
 * Eyes open (双眼睁开), judged by the eye-state classifier (faceplugin's {@code fr_eye.onnx}, a
 * 24×24 grey patch per eye): the photo fails when either eye's probability of being open is below
 * {@code eyes-open.min-open-probability} (0.5 by default: the classifier's own decision, as the
 * package's JavaScript takes it). The landmarks' eye aspect ratio (Soukupová and Čech,
 * 2016) also fails a photo whose lids the landmarks show meeting; on its own it misses most closed
 * eyes, because face-api's landmark network places the lids largely by the face's shape.
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
        double minRatio = photo.settings().get("eyes-open.min-aspect-ratio", 0.18);
        double minOpen = photo.settings().get("eyes-open.min-open-probability", 0.5);
        FaceFrame frame = photo.frame();
        var region = frame.imageBox(frame.u(36) - 0.15, -0.3, frame.u(45) + 0.15, 0.3);
        boolean lidsApart = ratio >= minRatio;
        if (photo.eyes() == null) {
            return lidsApart ? CheckResult.passed(ID, ratio, minRatio, region) : closed(ratio, minRatio, region);
        }
        double open = photo.eyes().leastOpen();
        if (lidsApart && open >= minOpen) {
            return CheckResult.passed(ID, open, minOpen, region);
        }
        return closed(open, minOpen, region);
    }

    private static CheckResult closed(double value, double threshold, cn.gdeea.examphoto.face.Box region) {
        return CheckResult.failed(ID, value, threshold, region,
                "检测到闭眼或眯眼", "The eyes look closed or half closed",
                "请自然睁开双眼、目视镜头后重新拍照", "Open your eyes naturally, look at the camera and retake the photo");
    }

    /** (|p2−p6| + |p3−p5|) / (2 |p1−p4|) over the six points of one eye. */
    static double aspectRatio(List<Point> eye) {
        double width = eye.get(0).distanceTo(eye.get(3));
        double opening = eye.get(1).distanceTo(eye.get(5)) + eye.get(2).distanceTo(eye.get(4));
        return width <= 0 ? 0 : opening / (2 * width);
    }
}
