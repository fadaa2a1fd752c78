package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;

/**
 * Face size (身体距离墙壁 30~50CM; head and shoulders fill the picture): the brow-to-chin height
 * as a share of the photo height. Too small and the standard photo would be an enlargement of a
 * few pixels; too large and the head and shoulders no longer fit around it. Measured along the
 * face's own axis, so a tilted head is not mistaken for a small one.
 */
final class FaceSizeCheck implements PhotoCheck {

    static final String ID = "face_size";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        double share = share(photo);
        double min = photo.settings().get("face-size.min", 0.21);
        double max = photo.settings().get("face-size.max", 0.50);
        var region = photo.face().landmarks().bounds();
        if (share < min) {
            return CheckResult.failed(ID, share, min, region,
                    "人像太小，拍摄距离太远", "The face is too small: the photo was taken from too far away",
                    "请拍摄者靠近一些，让头部和双肩占满取景框后重新拍照",
                    "Come closer so that the head and shoulders fill the frame, and retake the photo");
        }
        if (share > max) {
            return CheckResult.failed(ID, share, max, region,
                    "人像太大，拍摄距离太近", "The face is too large: the photo was taken from too close",
                    "请拍摄者退后一些，让整个头部和双肩都拍进画面后重新拍照",
                    "Step back so that the whole head and both shoulders are in the picture, and retake the photo");
        }
        return CheckResult.passed(ID, share, share < (min + max) / 2 ? min : max, region);
    }

    /** Brow-to-chin height over the photo height. */
    static double share(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        double brow = Double.MAX_VALUE;
        for (int i = 17; i <= 26; i++) {
            brow = Math.min(brow, frame.v(i));
        }
        return (frame.v(8) - brow) * frame.unit() / photo.image().height();
    }
}
