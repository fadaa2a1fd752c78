package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import java.util.List;

/**
 * Closed eyes: each eye is covered by the eyelid skin just above it, feathered in, with a dark
 * lash line along where the lids meet — the eye of a blink. The lid's reach (1.1–1.5 times the
 * eye's half width), height, where its skin is taken from, and the lash line's darkness are drawn
 * at random; one photo in six closes one eye only (a wink).
 */
final class EyeViolations {

    private EyeViolations() {
    }

    static Violation closedEyes() {
        return Violations.of("closed_eyes", "eyes_open", (p, r) -> {
            Canvas c = Canvas.of(p.image());
            FaceLandmarks landmarks = p.face().landmarks();
            FaceAxes axes = FaceAxes.of(landmarks);
            Lid lid = new Lid(Violations.between(r, 1.1, 1.5), Violations.between(r, 0.4, 0.75),
                    Violations.between(r, 1.5, 2.4), Violations.between(r, 0.3, 0.9));
            boolean wink = r.nextInt(6) == 0;
            boolean leftOnly = r.nextBoolean();
            if (!wink || leftOnly) {
                close(c, axes, landmarks.leftEye(), lid);
            }
            if (!wink || !leftOnly) {
                close(c, axes, landmarks.rightEye(), lid);
            }
            c.addNoise(1.0, r);
            return c.jpeg(0.9f);
        });
    }

    /** How a lid is painted: reach over the eye's half width, height over reach, lift of its skin, lash darkness. */
    private record Lid(double reach, double height, double lift, double lash) {
    }

    private static void close(Canvas c, FaceAxes axes, List<Point> eye, Lid lidShape) {
        double cu = 0;
        double cv = 0;
        for (Point p : eye) {
            cu += axes.u(p) / eye.size();
            cv += axes.v(p) / eye.size();
        }
        double halfWidth = Math.abs(axes.u(eye.get(3)) - axes.u(eye.get(0))) / 2 * lidShape.reach();
        double halfHeight = halfWidth * lidShape.height();
        double lift = halfHeight * lidShape.lift();
        Canvas source = c.copy();
        float[] rgb = new float[3];
        double reach = (halfWidth + 0.1) * axes.unit();
        int x0 = (int) Math.max(0, axes.x(cu, cv) - reach * 1.5);
        int x1 = (int) Math.min(c.width - 1, axes.x(cu, cv) + reach * 1.5);
        int y0 = (int) Math.max(0, axes.y(cu, cv) - reach * 1.5);
        int y1 = (int) Math.min(c.height - 1, axes.y(cu, cv) + reach * 1.5);
        double lash = 0.025;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double u = axes.u(x + 0.5, y + 0.5);
                double v = axes.v(x + 0.5, y + 0.5);
                double du = (u - cu) / halfWidth;
                double dv = (v - cv) / halfHeight;
                double d = Math.sqrt(du * du + dv * dv);
                double cover = Math.max(0, Math.min(1, (1.15 - d) / 0.3));
                if (cover <= 0) {
                    continue;
                }
                source.sample(axes.x(u, v - lift), axes.y(u, v - lift), rgb);
                // The lids meet a little below the eye's middle, along a gentle downward curve.
                double seam = cv + 0.12 * halfHeight + 0.25 * halfHeight * (1 - du * du);
                double line = Math.abs(du) < 1 ? Math.exp(-sq((v - seam) / lash) / 2) * (1 - du * du * 0.6) : 0;
                double shade = 1 - 0.12 * Math.max(0, 1 - Math.abs(v - seam) / (halfHeight * 0.8));
                int k = (y * c.width + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double lid = rgb[ch] * shade * (1 - lidShape.lash() * line) + 35 * lidShape.lash() * line;
                    c.rgb[k + ch] = (float) (c.rgb[k + ch] * (1 - cover) + lid * cover);
                }
            }
        }
    }

    private static double sq(double d) {
        return d * d;
    }
}
