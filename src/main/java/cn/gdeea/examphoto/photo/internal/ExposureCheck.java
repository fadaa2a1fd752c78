package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.Arrays;

/**
 * Exposure (光线不均匀，避免局部曝光): the face neither too dark nor washed out, no part of it burnt
 * to white by a flash or a lamp, not much darker than the rest of the photo (backlight, 逆光),
 * and the photo as a whole not too dark. Measured on the skin
 * ellipse of the face, box-filtered to about 24 pixels per eye distance so that a pinpoint
 * reflection does not count as a burnt-out area. The first rule broken is reported; a photo that
 * passes reports the face brightness against its lower bound.
 */
final class ExposureCheck implements PhotoCheck {

    static final String ID = "exposure";
    private static final double PPU = 24;
    /** A pixel whose darkest channel is this bright is burnt out to white. */
    private static final double CLIPPED = 245;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        CheckSettings s = photo.settings();
        FaceFrame frame = photo.frame();
        Face face = measure(photo.image(), frame);
        double photoLuma = meanLuma(photo.image());
        double maxClipped = s.get("exposure.max-clipped", 0.03);
        double minFace = s.get("exposure.min-face-luma", 70);
        double maxFace = s.get("exposure.max-face-luma", 225);
        double minPhoto = s.get("exposure.min-photo-luma", 60);
        double minBacklit = s.get("exposure.min-face-to-photo", 0.40);
        var region = frame.imageBox(-0.85, -0.6, 0.85, 1.5);
        if (face.clipped() > maxClipped) {
            return CheckResult.failed(ID, face.clipped(), maxClipped, region,
                    "脸部局部曝光过度（反光或强光直射，部分皮肤发白）", "Part of the face is over-exposed (burnt out to white by glare or direct light)",
                    "请避开强光和闪光灯，在光线均匀处重新拍照", "Avoid strong light and the flash, and retake the photo where the light is even");
        }
        if (face.luma() < minFace) {
            return CheckResult.failed(ID, face.luma(), minFace, region,
                    "脸部太暗，看不清五官", "The face is too dark to see clearly",
                    "请在光线充足处面向光源重新拍照，不要背对窗户或灯光",
                    "Retake the photo in good light, facing the light source rather than having it behind you");
        }
        if (face.luma() > maxFace) {
            return CheckResult.failed(ID, face.luma(), maxFace, region,
                    "脸部过亮，曝光过度", "The face is too bright (over-exposed)",
                    "请避开强光直射、关闭闪光灯后重新拍照", "Avoid direct strong light, turn off the flash and retake the photo");
        }
        if (face.luma() < minBacklit * photoLuma) {
            return CheckResult.failed(ID, face.luma() / photoLuma, minBacklit, region,
                    "逆光，脸部比背景暗很多", "Backlit: the face is much darker than the background",
                    "请背对窗户或灯光、面向光源后重新拍照",
                    "Turn your back to the window or lamp so that the light falls on your face, and retake the photo");
        }
        if (photoLuma < minPhoto) {
            return CheckResult.failed(ID, photoLuma, minPhoto, null,
                    "照片整体太暗", "The photo is too dark overall",
                    "请在光线充足处重新拍照", "Retake it in good light");
        }
        return CheckResult.passed(ID, face.luma(), minFace, region);
    }

    /** Median luma of the skin ellipse and the share of it at the sensor's ceiling. */
    record Face(double luma, double clipped) {
    }

    static Face measure(RgbImage image, FaceFrame frame) {
        FacePatch patch = FacePatch.sample(image, frame, -0.85, -0.6, 0.85, 1.5, PPU);
        float[] values = new float[patch.width * patch.height];
        int n = 0;
        int clipped = 0;
        for (int y = 0; y < patch.height; y++) {
            double v = patch.v0 + (y + 0.5) / PPU;
            for (int x = 0; x < patch.width; x++) {
                double u = patch.u0 + (x + 0.5) / PPU;
                int k = y * patch.width + x;
                if (!patch.valid(k) || sq(u / 0.85) + sq((v - 0.45) / 1.05) > 1) {
                    continue;
                }
                values[n++] = patch.luma(k);
                float floor = Math.min(patch.red[k], Math.min(patch.green[k], patch.blue[k]));
                clipped += floor >= CLIPPED ? 1 : 0;
            }
        }
        if (n == 0) {
            return new Face(0, 0);
        }
        Arrays.sort(values, 0, n);
        return new Face(values[n / 2], clipped / (double) n);
    }

    /** Mean luma over a sparse grid of the whole photo. */
    static double meanLuma(RgbImage image) {
        int stepX = Math.max(1, image.width() / 64);
        int stepY = Math.max(1, image.height() / 64);
        double sum = 0;
        int n = 0;
        for (int y = stepY / 2; y < image.height(); y += stepY) {
            for (int x = stepX / 2; x < image.width(); x += stepX) {
                sum += image.luma(x, y);
                n++;
            }
        }
        return sum / n;
    }

    private static double sq(double d) {
        return d * d;
    }
}
