package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;
import static cn.gdeea.examphoto.photo.evaluation.Violations.sign;

/**
 * Bad light: a face half in shadow (阴阳脸), a flash or lamp burning part of the face to white or
 * the whole face washed out, a photo taken in the dark, and a candidate standing against a
 * bright window.
 */
final class LightViolations {

    private LightViolations() {
    }

    /**
     * Light from one side: that half of the head, neck and shoulders keeps 30–55% of the light,
     * with a soft edge along the nose; the lit side gains up to 10%.
     */
    static Violation halfShadow() {
        return Violations.of("half_shadow", "illumination", (p, r) -> {
            double side = sign(r);
            double dark = between(r, 0.30, 0.55);
            double lit = between(r, 1.0, 1.1);
            double edge = between(r, 0.08, 0.18);
            double centre = between(r, -0.1, 0.1);
            return CompliantPortraits.recompose(p, f -> f, Scene.PLAIN.withLight((u, v) -> {
                double t = 1 / (1 + Math.exp(-(side * u - centre) / edge));
                return dark + (lit - dark) * (1 - t);
            }), r);
        });
    }

    /**
     * Either a flash hot spot (a bright blob of 0.3–0.5 eye distances on the forehead, nose or a
     * cheek that saturates its middle) or the whole photo over-exposed 1.7–2.2 times.
     */
    static Violation blownHighlights() {
        return Violations.of("blown_highlights", "exposure", (p, r) -> {
            Canvas c = Canvas.of(p.image());
            if (r.nextBoolean()) {
                FaceAxes axes = FaceAxes.of(p.face().landmarks());
                double u0 = between(r, -0.5, 0.5);
                double v0 = between(r, -0.6, 0.7);
                double sigma = between(r, 0.3, 0.5);
                double gain = between(r, 1.0, 1.6);
                for (int y = 0; y < c.height; y++) {
                    for (int x = 0; x < c.width; x++) {
                        double du = axes.u(x + 0.5, y + 0.5) - u0;
                        double dv = axes.v(x + 0.5, y + 0.5) - v0;
                        double g = Math.exp(-(du * du + dv * dv) / (2 * sigma * sigma));
                        if (g > 0.01) {
                            int k = (y * c.width + x) * 3;
                            for (int ch = 0; ch < 3; ch++) {
                                c.rgb[k + ch] = (float) (c.rgb[k + ch] * (1 + gain * g) + 90 * g);
                            }
                        }
                    }
                }
            } else {
                scale(c, between(r, 1.7, 2.2));
            }
            return c.jpeg(0.88f);
        });
    }

    /** The whole photo at 18–35% of the light, with the noise a phone adds in the dark. */
    static Violation darkPhoto() {
        return Violations.of("dark_photo", "exposure", (p, r) -> {
            Canvas c = Canvas.of(p.image());
            scale(c, between(r, 0.18, 0.35));
            c.addNoise(between(r, 2.5, 5), r);
            return c.jpeg(0.85f);
        });
    }

    /** Against a bright window: the wall burns out while the person keeps 25–40% of the light. */
    static Violation backlit() {
        return Violations.of("backlit", "exposure", (p, r) -> {
            double gain = between(r, 0.25, 0.4);
            return CompliantPortraits.recompose(p, f -> f.withWall(new java.awt.Color(252, 252, 252), 0.02),
                    Scene.PLAIN.withLight((u, v) -> gain), r);
        });
    }

    static void scale(Canvas c, double gain) {
        for (int i = 0; i < c.rgb.length; i++) {
            c.rgb[i] *= (float) gain;
        }
    }
}
