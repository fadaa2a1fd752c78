package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;

/**
 * What the camera does wrong: a blurred photo (out of focus, or the phone moved), and a beauty
 * filter that smooths the skin.
 */
final class CameraViolations {

    private CameraViolations() {
    }

    /**
     * Out of focus (Gaussian, σ 3–6% of the eye distance) or shaken (a straight smear of 10–20%
     * of the eye distance at any angle), then the sensor noise and JPEG the phone adds after.
     */
    static Violation blur() {
        return Violations.of("blur", "sharpness", (p, r) -> {
            double unit = FaceAxes.of(p.face().landmarks()).unit();
            Canvas c = Canvas.of(p.image());
            if (r.nextBoolean()) {
                c.blur(between(r, 0.03, 0.06) * unit);
            } else {
                motionBlur(c, between(r, 0.10, 0.20) * unit, r.nextDouble() * Math.PI);
            }
            c.addNoise(1.5, r);
            return c.jpeg(0.88f);
        });
    }

    /**
     * A heavy phone beauty mode: an edge-preserving smoothing of the skin (a guided filter of
     * radius 8–12% of the eye distance), brightened 4–10%.
     */
    static Violation beautyFilter() {
        return Violations.of("beauty_filter", "retouching", (p, r) -> {
            Canvas c = Canvas.of(p.image());
            BeautyFilter.apply(c, p.face().landmarks(), between(r, 0.08, 0.12), between(r, 0.04, 0.10));
            return c.jpeg(0.90f);
        });
    }

    /** Averages each pixel along a line of {@code length} pixels at {@code angle}. */
    static void motionBlur(Canvas c, double length, double angle) {
        int taps = Math.max(2, (int) Math.ceil(length));
        double dx = Math.cos(angle) * length / (taps - 1);
        double dy = Math.sin(angle) * length / (taps - 1);
        Canvas source = c.copy();
        float[] rgb = new float[3];
        for (int y = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int t = 0; t < taps; t++) {
                    double s = t - (taps - 1) / 2.0;
                    source.sample(x + 0.5 + s * dx, y + 0.5 + s * dy, rgb);
                    r += rgb[0];
                    g += rgb[1];
                    b += rgb[2];
                }
                int k = (y * c.width + x) * 3;
                c.rgb[k] = r / taps;
                c.rgb[k + 1] = g / taps;
                c.rgb[k + 2] = b / taps;
            }
        }
    }
}
