package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.Comparator;
import java.util.List;

/**
 * Exactly one face, wholly inside the photo (非考生本人 / 拍照要求). A face counts when the detector
 * is confident enough and it is not tiny beside the largest one: a face printed on a T-shirt or a
 * poster far behind is not a second person, while anyone near the candidate is.
 */
public final class SingleFace {

    public static final String ID = "single_face";

    /** The check's result, how many faces counted, and the one face when there is exactly one. */
    public record Outcome(CheckResult result, int faces, DetectedFace face) {
    }

    private SingleFace() {
    }

    public static Outcome check(RgbImage image, List<DetectedFace> detected, CheckSettings settings) {
        double minConfidence = settings.get("single-face.min-confidence", 0.6);
        double minRelativeSize = settings.get("single-face.min-relative-size", 0.3);
        List<DetectedFace> confident = detected.stream()
                .filter(f -> f.score() >= minConfidence)
                .sorted(Comparator.comparingDouble((DetectedFace f) -> f.box().height()).reversed())
                .toList();
        if (confident.isEmpty()) {
            return new Outcome(CheckResult.failed(ID, 0, 1, null,
                    "未检测到人脸", "No face was found",
                    "请正对镜头，在光线充足处重新拍照", "Face the camera in good light and retake the photo"), 0, null);
        }
        DetectedFace main = confident.get(0);
        List<DetectedFace> counted = confident.stream()
                .filter(f -> f.box().height() >= minRelativeSize * main.box().height())
                .toList();
        if (counted.size() > 1) {
            return new Outcome(CheckResult.failed(ID, counted.size(), 1, counted.get(1).box(),
                    "照片中有多张人脸，只能有考生本人", "There is more than one face in the photo; only the candidate may be in it",
                    "请单独拍照，画面中不要出现其他人", "Retake the photo with nobody else in the picture"), counted.size(), null);
        }
        double inside = insideShare(main.landmarks().bounds(), image);
        if (inside < 1) {
            return new Outcome(CheckResult.failed(ID, inside, 1, main.landmarks().bounds(),
                    "脸部不完整，有一部分在照片外", "Part of the face is outside the photo",
                    "请让整个头部和双肩都在画面内后重新拍照", "Retake it with the whole head and both shoulders in the picture"), 1, null);
        }
        return new Outcome(CheckResult.passed(ID, 1, 1, main.box()), 1, main);
    }

    /** The share of the landmarks' box that lies inside the photo. */
    private static double insideShare(Box box, RgbImage image) {
        double w = Math.max(0, Math.min(box.right(), image.width()) - Math.max(box.x(), 0));
        double h = Math.max(0, Math.min(box.bottom(), image.height()) - Math.max(box.y(), 0));
        return box.area() <= 0 ? 0 : Math.min(1, w * h / box.area());
    }
}
