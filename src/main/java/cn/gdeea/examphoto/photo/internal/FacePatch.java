package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.image.RgbImage;

/**
 * A small resampled copy of one rectangle of the {@link FaceFrame}, at a fixed number of pixels
 * per frame unit. Checks measure these patches instead of the photo, so their thresholds do not
 * depend on the photo's resolution and their cost does not grow with it. Shrinking averages the
 * photo pixels under each patch pixel (a box filter) so that JPEG noise and aliasing do not pass
 * for texture; enlarging interpolates bilinearly.
 */
final class FacePatch {

    private static final int MAX_TAPS = 5;

    final int width;
    final int height;
    final double u0;
    final double v0;
    final double pixelsPerUnit;
    /** Red, green and blue, 0–255; NaN where the patch falls outside the photo. */
    final float[] red;
    final float[] green;
    final float[] blue;

    private FacePatch(int width, int height, double u0, double v0, double pixelsPerUnit) {
        this.width = width;
        this.height = height;
        this.u0 = u0;
        this.v0 = v0;
        this.pixelsPerUnit = pixelsPerUnit;
        this.red = new float[width * height];
        this.green = new float[width * height];
        this.blue = new float[width * height];
    }

    static FacePatch sample(RgbImage image, FaceFrame frame, double u0, double v0, double u1, double v1,
                            double pixelsPerUnit) {
        int w = Math.max(1, (int) Math.round((u1 - u0) * pixelsPerUnit));
        int h = Math.max(1, (int) Math.round((v1 - v0) * pixelsPerUnit));
        FacePatch patch = new FacePatch(w, h, u0, v0, pixelsPerUnit);
        double step = frame.unit() / pixelsPerUnit;
        int taps = (int) Math.min(MAX_TAPS, Math.max(1, Math.round(step)));
        float[] rgb = new float[3];
        for (int j = 0; j < h; j++) {
            double v = v0 + (j + 0.5) / pixelsPerUnit;
            for (int i = 0; i < w; i++) {
                double u = u0 + (i + 0.5) / pixelsPerUnit;
                double x = frame.x(u, v) - 0.5;
                double y = frame.y(u, v) - 0.5;
                boolean inside = taps == 1 ? bilinear(image, x, y, rgb) : boxAverage(image, x, y, step, taps, rgb);
                int k = j * w + i;
                patch.red[k] = inside ? rgb[0] : Float.NaN;
                patch.green[k] = inside ? rgb[1] : Float.NaN;
                patch.blue[k] = inside ? rgb[2] : Float.NaN;
            }
        }
        return patch;
    }

    private static boolean bilinear(RgbImage image, double x, double y, float[] out) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width() || y0 + 1 >= image.height()) {
            return false;
        }
        double fx = x - x0;
        double fy = y - y0;
        byte[] p = image.pixels();
        int i00 = (y0 * image.width() + x0) * 3;
        int i10 = i00 + 3;
        int i01 = i00 + image.width() * 3;
        int i11 = i01 + 3;
        for (int c = 0; c < 3; c++) {
            double top = (p[i00 + c] & 0xFF) * (1 - fx) + (p[i10 + c] & 0xFF) * fx;
            double bottom = (p[i01 + c] & 0xFF) * (1 - fx) + (p[i11 + c] & 0xFF) * fx;
            out[c] = (float) (top * (1 - fy) + bottom * fy);
        }
        return true;
    }

    private static boolean boxAverage(RgbImage image, double x, double y, double step, int taps, float[] out) {
        double spacing = step / taps;
        double start = -(taps - 1) / 2.0 * spacing;
        int sumR = 0;
        int sumG = 0;
        int sumB = 0;
        byte[] p = image.pixels();
        for (int ty = 0; ty < taps; ty++) {
            int sy = (int) Math.round(y + start + ty * spacing);
            if (sy < 0 || sy >= image.height()) {
                return false;
            }
            for (int tx = 0; tx < taps; tx++) {
                int sx = (int) Math.round(x + start + tx * spacing);
                if (sx < 0 || sx >= image.width()) {
                    return false;
                }
                int i = (sy * image.width() + sx) * 3;
                sumR += p[i] & 0xFF;
                sumG += p[i + 1] & 0xFF;
                sumB += p[i + 2] & 0xFF;
            }
        }
        float n = taps * taps;
        out[0] = sumR / n;
        out[1] = sumG / n;
        out[2] = sumB / n;
        return true;
    }

    /** Column of frame coordinate u, clamped to the patch. */
    int column(double u) {
        return Math.max(0, Math.min(width - 1, (int) Math.floor((u - u0) * pixelsPerUnit)));
    }

    int row(double v) {
        return Math.max(0, Math.min(height - 1, (int) Math.floor((v - v0) * pixelsPerUnit)));
    }

    boolean valid(int k) {
        return !Float.isNaN(red[k]);
    }

    float luma(int k) {
        return 0.299f * red[k] + 0.587f * green[k] + 0.114f * blue[k];
    }

    /** Rec. 601 luma of every pixel, NaN outside the photo. */
    float[] luma() {
        float[] out = new float[red.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = luma(k);
        }
        return out;
    }
}
