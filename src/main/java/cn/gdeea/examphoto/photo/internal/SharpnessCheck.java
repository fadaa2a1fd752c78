package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;

/**
 * Sharp, with enough pixels (照片清晰). The face is resampled to {@value #PPU} pixels per eye
 * distance — about half the scale of the standard photo, where box-filtering has averaged the
 * sensor noise away — and its fine detail measured as the root-mean-square second difference
 * along each of four directions (horizontal, vertical, both diagonals), over the spread of the
 * face's brightness. The weakest direction counts: defocus lowers all four, a shaken phone the
 * one it moved along. Dividing by the brightness spread makes the figure independent of exposure
 * and contrast; it is taken for each half of the face (split down the nose) and the two averaged,
 * so that a face lit from one side, whose halves differ in brightness, does not look flat.
 * Separately, the face must span enough photo pixels that the standard photo is not an
 * enlargement.
 */
final class SharpnessCheck implements PhotoCheck {

    static final String ID = "sharpness";
    static final double PPU = 40;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        var region = frame.imageBox(-1.0, -0.7, 1.0, 1.4);
        double minEyeDistance = photo.settings().get("sharpness.min-eye-distance", 60);
        if (frame.unit() < minEyeDistance) {
            return CheckResult.failed(ID, frame.unit(), minEyeDistance, region,
                    "人脸分辨率太低（脸部像素太少）", "The face has too few pixels",
                    "请拍摄者靠近一些后重新拍照", "Ask the person taking the photo to come closer, and retake it");
        }
        double detail = detail(photo, frame);
        double min = photo.settings().get("sharpness.min-detail", 0.20);
        if (detail >= min) {
            return CheckResult.passed(ID, detail, min, region);
        }
        return CheckResult.failed(ID, detail, min, region,
                "照片模糊，不够清晰", "The photo is blurred",
                "请擦净镜头、保持手机稳定，在光线充足处重新拍照",
                "Wipe the lens, hold the phone steady and retake the photo in good light");
    }

    /** Mean over the two halves of the face of {@link #halfDetail}. */
    static double detail(FacePhoto photo, FaceFrame frame) {
        return (halfDetail(photo, frame, -1.0, 0.0) + halfDetail(photo, frame, 0.0, 1.0)) / 2;
    }

    /** The weakest directional RMS second difference over the brightness standard deviation. */
    static double halfDetail(FacePhoto photo, FaceFrame frame, double u0, double u1) {
        FacePatch patch = FacePatch.sample(photo.image(), frame, u0, -0.7, u1, 1.4, PPU);
        float[] luma = patch.luma();
        int w = patch.width;
        int[] step = {1, w, w + 1, w - 1};
        double[] energy = new double[4];
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = 1; y < patch.height - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = y * w + x;
                float c = luma[k];
                double[] d = new double[4];
                boolean inside = !Float.isNaN(c);
                for (int i = 0; i < 4 && inside; i++) {
                    float second = 2 * c - luma[k - step[i]] - luma[k + step[i]];
                    inside = !Float.isNaN(second);
                    // Diagonal neighbours are √2 apart: halve the squared second difference.
                    d[i] = second * second * (i < 2 ? 1 : 0.5);
                }
                if (!inside) {
                    continue;
                }
                for (int i = 0; i < 4; i++) {
                    energy[i] += d[i];
                }
                sum += c;
                sumSq += c * c;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double spread = Math.max(1, Math.sqrt(sumSq / n - (sum / n) * (sum / n)));
        double weakest = Math.min(Math.min(energy[0], energy[1]), Math.min(energy[2], energy[3]));
        return Math.sqrt(weakest / n) / spread;
    }
}
