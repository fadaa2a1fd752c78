package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;
import java.util.Arrays;

/**
 * Heavy beauty filter or retouching suspected (化妆、相机美颜) — a warning only: verification may
 * fail on such a photo, but the candidate may go on. Beauty modes smooth the skin and keep strong
 * edges, so the finest texture of the upper cheeks, under the eyes where no beard grows (pores,
 * sensor grain), is compared with that of the eye band, both at the photo's own resolution (at most {@value #MAX_PPU} pixels
 * per eye distance). Texture is the median distance of a pixel from its 3×3 mean, which ignores
 * the few strong edges and measures the fine grain between them. Untouched skin keeps a quarter or
 * more of the eye band's grain; a smoothed one much less.
 */
final class RetouchingCheck implements PhotoCheck {

    static final String ID = "retouching";
    static final double MAX_PPU = 120;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        double ratio = textureRatio(photo, frame);
        double min = photo.settings().get("retouching.min-texture-ratio", 0.25);
        var region = frame.imageBox(-0.7, 0.25, 0.7, 0.55);
        if (ratio >= min) {
            return CheckResult.passed(ID, ratio, min, region);
        }
        return CheckResult.warned(ID, ratio, min, region,
                "疑似使用了相机美颜或滤镜（皮肤过于光滑），可能导致身份核验不通过",
                "A beauty filter or retouching seems to have been used (the skin looks unnaturally smooth), which may "
                        + "make identity verification fail",
                "建议关闭美颜后重新拍照", "Turn off beauty mode and retake the photo");
    }

    /** Upper-cheek grain over eye-band grain. */
    static double textureRatio(FacePhoto photo, FaceFrame frame) {
        double ppu = Math.min(frame.unit(), MAX_PPU);
        double cheeks = (grain(photo, frame, -0.7, 0.25, -0.3, 0.55, ppu) + grain(photo, frame, 0.3, 0.25, 0.7, 0.55, ppu)) / 2;
        double eyes = grain(photo, frame, -0.9, -0.3, 0.9, 0.2, ppu);
        return eyes <= 0 ? 0 : cheeks / eyes;
    }

    /** Median |luma − mean of its 3×3 neighbourhood| over a frame rectangle. */
    static double grain(FacePhoto photo, FaceFrame frame, double u0, double v0, double u1, double v1, double ppu) {
        FacePatch patch = FacePatch.sample(photo.image(), frame, u0, v0, u1, v1, ppu);
        float[] luma = patch.luma();
        int w = patch.width;
        float[] values = new float[luma.length];
        int n = 0;
        for (int y = 1; y < patch.height - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = y * w + x;
                float mean = (luma[k - w - 1] + luma[k - w] + luma[k - w + 1] + luma[k - 1] + luma[k] + luma[k + 1]
                        + luma[k + w - 1] + luma[k + w] + luma[k + w + 1]) / 9;
                float d = Math.abs(luma[k] - mean);
                if (!Float.isNaN(d)) {
                    values[n++] = d;
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
