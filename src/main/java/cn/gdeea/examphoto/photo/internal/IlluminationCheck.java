package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;
import java.util.Arrays;

/**
 * Even light on both sides of the face (光线均匀，避免阴阳脸): the median brightness of the left and
 * right cheek, below the eyes and above the mouth (and a beard), away from the nose and the jaw
 * outline. The
 * value is {@code 1 − darker / brighter}: 0 for even light, 0.5 when one side has half the light.
 */
final class IlluminationCheck implements PhotoCheck {

    static final String ID = "illumination";
    private static final double PPU = 20;
    private static final double INNER = 0.3;
    private static final double OUTER = 0.75;
    private static final double TOP = 0.2;
    private static final double BOTTOM = 0.8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        double imbalance = imbalance(photo, frame);
        double max = photo.settings().get("illumination.max-imbalance", 0.30);
        var region = frame.imageBox(-OUTER, TOP, OUTER, BOTTOM);
        if (imbalance <= max) {
            return CheckResult.passed(ID, imbalance, max, region);
        }
        return CheckResult.failed(ID, imbalance, max, region,
                "光线不均匀，脸部一侧偏暗（阴阳脸）", "Uneven light: one side of the face is darker than the other (half-shadowed face)",
                "请面向光源、在光线均匀处重新拍照", "Face the light source and retake the photo where the light is even");
    }

    static double imbalance(FacePhoto photo, FaceFrame frame) {
        FacePatch patch = FacePatch.sample(photo.image(), frame, -OUTER, TOP, OUTER, BOTTOM, PPU);
        double left = median(patch, -OUTER, -INNER);
        double right = median(patch, INNER, OUTER);
        double brighter = Math.max(left, right);
        return brighter <= 0 ? 0 : 1 - Math.min(left, right) / brighter;
    }

    private static double median(FacePatch patch, double u0, double u1) {
        int c0 = patch.column(u0);
        int c1 = patch.column(u1);
        float[] values = new float[(c1 - c0 + 1) * patch.height];
        int n = 0;
        for (int y = 0; y < patch.height; y++) {
            for (int x = c0; x <= c1; x++) {
                int k = y * patch.width + x;
                if (patch.valid(k)) {
                    values[n++] = patch.luma(k);
                }
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(values, 0, n);
        return values[n / 2];
    }
}
