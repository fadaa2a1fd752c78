package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import java.util.Arrays;

/**
 * Clothing colour differs from the background (着装与背景颜色不同), or the outline of the shoulders
 * is lost in the standard photo. The clothing is sampled on both shoulders, clear of the neck
 * and a V-neckline, and compared with the {@link Backdrop}: the value is the median colour
 * difference ΔE*ab of the shoulder blocks from the wall colour.
 */
final class ClothingContrastCheck implements PhotoCheck {

    static final String ID = "clothing_contrast";
    private static final int BLOCKS_ACROSS = 4;
    private static final int BLOCKS_DOWN = 3;
    /** Clear of the neck and a V-neckline; inside the shoulders. */
    private static final double INNER_U = 0.7;
    private static final double OUTER_U = 1.5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        double minDeltaE = photo.settings().get("clothing.min-delta-e", 18);
        Backdrop backdrop = Backdrop.of(photo);
        double chin = frame.v(8);
        double v0 = chin + 1.1;
        double v1 = chin + 2.0;
        Box region = shoulders(photo.image(), frame, v0, v1);
        if (backdrop.isEmpty() || region == null) {
            // No wall or no shoulders in the picture: the framing checks report that.
            return CheckResult.passed(ID, Double.NaN, minDeltaE, region);
        }
        double[] differences = new double[2 * BLOCKS_ACROSS * BLOCKS_DOWN];
        int n = 0;
        for (int side = -1; side <= 1; side += 2) {
            for (int i = 0; i < BLOCKS_ACROSS; i++) {
                double u0 = side * (INNER_U + (OUTER_U - INNER_U) * i / BLOCKS_ACROSS);
                double u1 = side * (INNER_U + (OUTER_U - INNER_U) * (i + 1) / BLOCKS_ACROSS);
                for (int j = 0; j < BLOCKS_DOWN; j++) {
                    double va = v0 + (v1 - v0) * j / BLOCKS_DOWN;
                    double vb = v0 + (v1 - v0) * (j + 1) / BLOCKS_DOWN;
                    Lab cloth = meanColour(photo.image(), frame, Math.min(u0, u1), va, Math.max(u0, u1), vb);
                    if (cloth != null) {
                        differences[n++] = cloth.distance(backdrop.colour);
                    }
                }
            }
        }
        if (n == 0) {
            return CheckResult.passed(ID, Double.NaN, minDeltaE, region);
        }
        Arrays.sort(differences, 0, n);
        double median = differences[n / 2];
        if (median >= minDeltaE) {
            return CheckResult.passed(ID, median, minDeltaE, region);
        }
        return CheckResult.failed(ID, median, minDeltaE, region,
                "衣服颜色与背景太接近", "Your clothing is too close to the background colour",
                "请换一件与背景颜色不同（如深色）的衣服后重新拍照",
                "Wear clothes of a different colour (a darker one, for example) and retake the photo");
    }

    /** The shoulder band in photo pixels, cut to the photo; null when too little of it is in the picture. */
    private static Box shoulders(RgbImage image, FaceFrame frame, double v0, double v1) {
        Box band = frame.imageBox(-OUTER_U, v0, OUTER_U, v1);
        double top = Math.max(0, band.y());
        double bottom = Math.min(image.height(), band.bottom());
        if (bottom - top < 0.15 * frame.unit()) {
            return null;
        }
        double left = Math.max(0, band.x());
        double right = Math.min(image.width(), band.right());
        return new Box(left, top, right - left, bottom - top);
    }

    /** Mean colour of a face-frame rectangle from a 5×5 grid of pixels; null when off the photo. */
    private static Lab meanColour(RgbImage image, FaceFrame frame, double u0, double v0, double u1, double v1) {
        double r = 0;
        double g = 0;
        double b = 0;
        int n = 0;
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                double u = u0 + (u1 - u0) * (i + 0.5) / 5;
                double v = v0 + (v1 - v0) * (j + 0.5) / 5;
                int x = (int) frame.x(u, v);
                int y = (int) frame.y(u, v);
                if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
                    continue;
                }
                r += image.sample(x, y, 0);
                g += image.sample(x, y, 1);
                b += image.sample(x, y, 2);
                n++;
            }
        }
        return n < 5 ? null : Lab.ofRgb(r / n, g / n, b / n);
    }
}
