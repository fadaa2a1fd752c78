package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Why no face was found, when the detector found none even in tiles at full resolution (a face
 * too small for one pass is found there and then fails {@code face_size} as too far away): the
 * whole frame too dark or too bright ({@code exposure}), or blurred ({@code sharpness}). Each
 * cause found is reported as that check's failure, with {@code single_face} as its knock-on, so
 * the candidate hears the real reason rather than "no face".
 *
 * <p>Blur is measured without a face to look at, as the width of the photo's strongest edges: the
 * 99th percentile of one-pixel brightness steps over that of four-pixel steps, on the photo
 * reduced to {@value #SIDE} px. A crisp edge takes its whole step within a pixel or two (ratio 0.6
 * to 1); an edge spread over four pixels or more gives a quarter or less.
 */
public final class NoFaceDiagnosis {

    static final int SIDE = 512;

    private NoFaceDiagnosis() {
    }

    /** The root failures that explain why no face was found; empty when none does. */
    public static List<CheckResult> causes(RgbImage image, CheckSettings settings) {
        List<CheckResult> out = new ArrayList<>();
        double luma = ExposureCheck.meanLuma(image);
        double minLuma = settings.get("exposure.min-photo-luma", 60);
        double maxLuma = settings.get("no-face.max-photo-luma", 215);
        if (luma < minLuma) {
            out.add(CheckResult.failed(ExposureCheck.ID, luma, minLuma, null,
                    "照片太暗，看不清人脸", "The photo is too dark to make out a face",
                    "请在光线充足处面向光源重新拍照", "Retake the photo in good light, facing the light source"));
        } else if (luma > maxLuma) {
            out.add(CheckResult.failed(ExposureCheck.ID, luma, maxLuma, null,
                    "照片太亮（曝光过度），看不清人脸", "The photo is too bright (over-exposed) to make out a face",
                    "请避开强光直射、关闭闪光灯后重新拍照", "Avoid direct strong light, turn off the flash and retake the photo"));
        }
        double edge = edgeSharpness(image);
        double minEdge = settings.get("no-face.min-edge-sharpness", 0.40);
        if (edge < minEdge) {
            out.add(CheckResult.failed(SharpnessCheck.ID, edge, minEdge, null,
                    "照片模糊，看不清人脸", "The photo is too blurred to make out a face",
                    "请擦净镜头、保持手机稳定，在光线充足处重新拍照",
                    "Wipe the lens, hold the phone steady and retake the photo in good light"));
        }
        return out;
    }

    /** 99th percentile of 1-px steps over that of 4-px steps, horizontal and vertical pooled. */
    static double edgeSharpness(RgbImage image) {
        double scale = Math.min(1, SIDE / (double) Math.max(image.width(), image.height()));
        int w = Math.max(8, (int) Math.round(image.width() * scale));
        int h = Math.max(8, (int) Math.round(image.height() * scale));
        float[] grey = reduce(image, w, h);
        float[] fine = new float[2 * w * h];
        float[] coarse = new float[2 * w * h];
        int n = 0;
        for (int y = 0; y < h - 4; y++) {
            for (int x = 0; x < w - 4; x++) {
                int k = y * w + x;
                fine[n] = Math.abs(grey[k + 1] - grey[k]);
                coarse[n++] = Math.abs(grey[k + 4] - grey[k]);
                fine[n] = Math.abs(grey[k + w] - grey[k]);
                coarse[n++] = Math.abs(grey[k + 4 * w] - grey[k]);
            }
        }
        double c = percentile(coarse, n, 0.99);
        return c < 4 ? 1 : percentile(fine, n, 0.99) / c;
    }

    /** Box-averaged luma at {@code w × h}. */
    private static float[] reduce(RgbImage image, int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = y * image.height() / h;
            int y1 = Math.max(y0 + 1, (y + 1) * image.height() / h);
            for (int x = 0; x < w; x++) {
                int x0 = x * image.width() / w;
                int x1 = Math.max(x0 + 1, (x + 1) * image.width() / w);
                double sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        sum += image.luma(xx, yy);
                    }
                }
                out[y * w + x] = (float) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }

    private static double percentile(float[] values, int n, double p) {
        float[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) (p * n))];
    }
}
