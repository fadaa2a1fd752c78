package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import java.util.List;

/**
 * A beauty mode like phones have: on the skin — a soft ellipse around the face, minus the eyes,
 * brows and mouth, which such modes find by landmarks and keep crisp — each colour channel is
 * replaced by its self-guided filter (He et al. 2010), flat where the skin's variation is small,
 * kept where edges are strong, and the skin is brightened a little.
 */
final class BeautyFilter {

    private static final float EPSILON = 28 * 28;

    private BeautyFilter() {
    }

    static void apply(Canvas c, FaceLandmarks landmarks, double radiusUnits, double brighten) {
        FaceAxes axes = FaceAxes.of(landmarks);
        double[][] features = {
                feature(axes, landmarks.leftEye(), 0.38, 0.24), feature(axes, landmarks.rightEye(), 0.38, 0.24),
                feature(axes, landmarks.leftEyebrow(), 0.45, 0.18), feature(axes, landmarks.rightEyebrow(), 0.45, 0.18),
                feature(axes, landmarks.mouth(), 0.55, 0.3)};
        int x0 = (int) Math.max(0, axes.x(0, 0.4) - 1.5 * axes.unit());
        int x1 = (int) Math.min(c.width, axes.x(0, 0.4) + 1.5 * axes.unit());
        int y0 = (int) Math.max(0, axes.y(0, 0.4) - 1.9 * axes.unit());
        int y1 = (int) Math.min(c.height, axes.y(0, 0.4) + 1.9 * axes.unit());
        int w = x1 - x0;
        int h = y1 - y0;
        if (w <= 2 || h <= 2) {
            return;
        }
        int radius = Math.max(1, (int) Math.round(radiusUnits * axes.unit()));
        float[] plane = new float[w * h];
        float[][] smoothed = new float[3][];
        for (int ch = 0; ch < 3; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    plane[y * w + x] = c.rgb[((y0 + y) * c.width + x0 + x) * 3 + ch];
                }
            }
            smoothed[ch] = guided(plane, w, h, radius);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = axes.u(x0 + x + 0.5, y0 + y + 0.5);
                double v = axes.v(x0 + x + 0.5, y0 + y + 0.5);
                double d = Math.sqrt(u * u / (1.05 * 1.05) + (v - 0.45) * (v - 0.45) / (1.35 * 1.35));
                double weight = Math.max(0, Math.min(1, (1.1 - d) / 0.2));
                for (double[] f : features) {
                    double e = Math.sqrt(sq((u - f[0]) / f[2]) + sq((v - f[1]) / f[3]));
                    weight *= Math.max(0, Math.min(1, (e - 0.8) / 0.4));
                }
                if (weight <= 0) {
                    continue;
                }
                int k = ((y0 + y) * c.width + x0 + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    float s = smoothed[ch][y * w + x] * (float) (1 + brighten);
                    c.rgb[k + ch] = (float) (c.rgb[k + ch] * (1 - weight) + s * weight);
                }
            }
        }
    }

    /** A feature's centre in face units and the half-axes of the ellipse kept sharp around it. */
    private static double[] feature(FaceAxes axes, List<Point> points, double halfWidth, double halfHeight) {
        double u = 0;
        double v = 0;
        for (Point p : points) {
            u += axes.u(p);
            v += axes.v(p);
        }
        return new double[] {u / points.size(), v / points.size(), halfWidth, halfHeight};
    }

    private static double sq(double d) {
        return d * d;
    }

    /** Self-guided filter: q = a·I + b with a = var / (var + ε), averaged over each window. */
    private static float[] guided(float[] in, int w, int h, int radius) {
        float[] square = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            square[i] = in[i] * in[i];
        }
        float[] mean = Blur.box(in, w, h, radius);
        float[] meanSquare = Blur.box(square, w, h, radius);
        float[] a = new float[in.length];
        float[] b = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            float variance = Math.max(0, meanSquare[i] - mean[i] * mean[i]);
            a[i] = variance / (variance + EPSILON);
            b[i] = (1 - a[i]) * mean[i];
        }
        float[] meanA = Blur.box(a, w, h, radius);
        float[] meanB = Blur.box(b, w, h, radius);
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = meanA[i] * in[i] + meanB[i];
        }
        return out;
    }
}
