package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.image.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;

/**
 * Paints a head-and-shoulders photo: a lit wall, the {@link HeadCutout} placed per
 * {@link Framing}, synthetic shoulders in the clothing colour, then camera noise and JPEG. A
 * {@link Scene} may turn the head, shade it, or put someone behind.
 */
final class PortraitRenderer {

    private PortraitRenderer() {
    }

    static RgbImage render(HeadCutout head, Framing framing, Scene scene, Random random) {
        Canvas canvas = wall(framing);
        if (scene.other() != null) {
            paintPerson(canvas, scene.other(), scene.otherFraming(), 0, 0, null);
        }
        paintPerson(canvas, head, framing, scene.yaw(), scene.pitch(), scene.light());
        canvas.addNoise(framing.noise(), random);
        return canvas.jpeg(framing.jpegQuality());
    }

    private static void paintPerson(Canvas canvas, HeadCutout head, Framing framing, double yaw, double pitch,
                                     DoubleBinaryOperator light) {
        FaceAxes axes = new FaceAxes(framing.centre() * framing.width(), framing.eyeLine() * framing.height(),
                framing.unit(), Math.toRadians(framing.roll()));
        paintHead(canvas, head, axes, new HeadTurn(yaw, pitch), light);
        paintClothing(canvas, framing, new FaceAxes(axes.originX(), axes.originY(), axes.unit(), 0), light);
    }

    /** An evenly lit light wall with a gentle brightness gradient and lens vignetting. */
    static Canvas wall(Framing framing) {
        int w = framing.width();
        int h = framing.height();
        Canvas c = new Canvas(w, h);
        float[] base = framing.wall().getRGBColorComponents(null);
        double gx = Math.cos(framing.wallGradientAngle());
        double gy = Math.sin(framing.wallGradientAngle());
        for (int y = 0; y < h; y++) {
            double ny = (y - h / 2.0) / h;
            for (int x = 0; x < w; x++) {
                double nx = (x - w / 2.0) / w;
                double gain = (1 + framing.wallGradient() * (nx * gx + ny * gy)) * (1 - 0.12 * (nx * nx + ny * ny));
                int k = (y * w + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    c.rgb[k + ch] = (float) (base[ch] * 255 * gain);
                }
            }
        }
        return c;
    }

    private static void paintHead(Canvas canvas, HeadCutout head, FaceAxes axes, HeadTurn turn,
                                  DoubleBinaryOperator light) {
        double scale = axes.unit() / head.pixelsPerUnit;
        int taps = scale >= 0.75 ? 1 : (int) Math.min(4, Math.ceil(1 / scale));
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double u : new double[] {HeadCutout.U0, HeadCutout.U1}) {
            for (double v : new double[] {HeadCutout.V0, HeadCutout.V1}) {
                minX = Math.min(minX, axes.x(u, v));
                maxX = Math.max(maxX, axes.x(u, v));
                minY = Math.min(minY, axes.y(u, v));
                maxY = Math.max(maxY, axes.y(u, v));
            }
        }
        int x0 = Math.max(0, (int) minX);
        int x1 = Math.min(canvas.width - 1, (int) maxX + 1);
        int y0 = Math.max(0, (int) minY);
        int y1 = Math.min(canvas.height - 1, (int) maxY + 1);
        float[] rgb = new float[3];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float a = 0;
                float r = 0;
                float g = 0;
                float b = 0;
                for (int ty = 0; ty < taps; ty++) {
                    for (int tx = 0; tx < taps; tx++) {
                        double px = x + (tx + 0.5) / taps;
                        double py = y + (ty + 0.5) / taps;
                        double v = axes.v(px, py);
                        double u = turn.sourceU(axes.u(px, py), v);
                        float s = head.sample(u, turn.sourceV(u, v), rgb);
                        a += s;
                        r += s * rgb[0];
                        g += s * rgb[1];
                        b += s * rgb[2];
                    }
                }
                if (a <= 0) {
                    continue;
                }
                float gain = light == null ? 1 : (float) light.applyAsDouble(axes.u(x + 0.5, y + 0.5), axes.v(x + 0.5, y + 0.5));
                float alpha = a / (taps * taps);
                int k = (y * canvas.width + x) * 3;
                canvas.rgb[k] = canvas.rgb[k] * (1 - alpha) + r / a * gain * alpha;
                canvas.rgb[k + 1] = canvas.rgb[k + 1] * (1 - alpha) + g / a * gain * alpha;
                canvas.rgb[k + 2] = canvas.rgb[k + 2] * (1 - alpha) + b / a * gain * alpha;
            }
        }
    }

    /** Shoulders and a round or V neckline below the chin, shaded like cloth lit from the front. */
    private static void paintClothing(Canvas canvas, Framing framing, FaceAxes axes, DoubleBinaryOperator light) {
        Path2D.Double body = new Path2D.Double();
        body.moveTo(-0.62, 2.5);
        body.curveTo(-1.1, 2.75, -2.0, 2.85, -2.5, 3.15);
        body.curveTo(-2.85, 3.4, -3.05, 3.9, -3.15, 4.7);
        body.lineTo(-3.4, 20);
        body.lineTo(3.4, 20);
        body.lineTo(3.15, 4.7);
        body.curveTo(3.05, 3.9, 2.85, 3.4, 2.5, 3.15);
        body.curveTo(2.0, 2.85, 1.1, 2.75, 0.62, 2.5);
        if (framing.collar()) {
            body.lineTo(0, 3.2);
        } else {
            body.quadTo(0, 3.15, -0.62, 2.5);
        }
        body.closePath();
        AffineTransform toPixels = new AffineTransform(axes.unit(), 0, 0, axes.unit(), axes.originX(), axes.originY());
        int w = canvas.width;
        int h = canvas.height;
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(body.createTransformedShape(toPixels));
        g.dispose();
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        float[] cloth = framing.clothing().getRGBColorComponents(null);
        for (int y = 0; y < h; y++) {
            double v = axes.v(0, y);
            for (int x = 0; x < w; x++) {
                float a = (m[y * w + x] & 0xFF) / 255f;
                if (a == 0) {
                    continue;
                }
                double u = axes.u(x, 0);
                // Lit from the front: brighter on the shoulders' tops, darker to the sides and
                // in the folds where the arms meet the chest.
                double fold = v > 4.2 ? 0.14 * Math.exp(-sq((Math.abs(u) - 2.35) / 0.12)) * Math.min(1, v - 4.2) : 0;
                double shade = 1.05 - 0.035 * Math.min(u * u, 9) - 0.02 * Math.max(0, Math.min(v, 8) - 3)
                        + 0.08 * Math.exp(-sq(v - 3.1) * 4) - fold;
                if (light != null) {
                    shade *= light.applyAsDouble(u, v);
                }
                int k = (y * w + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    float value = (float) Math.min(255, cloth[ch] * 255 * shade + 6);
                    canvas.rgb[k + ch] = canvas.rgb[k + ch] * (1 - a) + value * a;
                }
            }
        }
    }

    private static double sq(double d) {
        return d * d;
    }

    /**
     * A head turned about its vertical axis, then nodded about a horizontal one. The head is
     * modelled as a vertical cylinder with the nose standing out in front; a point seen at u came
     * from the source u' with {@code u = u' cos θ + depth(u', v) sin θ}, solved by bisection (where
     * the surface turns away and hides itself, any of the solutions will do). For the nod the face
     * is rounded top to bottom as well (an ellipse in profile), turning about the ear line
     * (v = 0.5): {@code v = 0.5 + (v' − 0.5) cos φ + depth sin φ}, fading out below the chin so the
     * neck stays on the shoulders.
     */
    private record HeadTurn(double degrees, double pitch) {

        private static final double RADIUS = 1.3;
        private static final double NOSE_HEIGHT = 0.6;

        double sourceU(double u, double v) {
            if (degrees == 0) {
                return u;
            }
            double t = Math.toRadians(degrees);
            double cos = Math.cos(t);
            double sin = Math.sin(t);
            double lo = -4;
            double hi = 4;
            for (int i = 0; i < 22; i++) {
                double mid = (lo + hi) / 2;
                if (mid * cos + depth(mid, v) * sin < u) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return (lo + hi) / 2;
        }

        double sourceV(double u, double v) {
            if (pitch == 0) {
                return v;
            }
            double t = Math.toRadians(pitch);
            double cos = Math.cos(t);
            double sin = Math.sin(t);
            double lo = -4;
            double hi = 6;
            for (int i = 0; i < 24; i++) {
                double mid = (lo + hi) / 2;
                if (nodded(u, mid, cos, sin) < v) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return (lo + hi) / 2;
        }

        private static double nodded(double u, double v, double cos, double sin) {
            double q = Math.min(1, Math.abs((v - 0.35) / 2.1));
            double profile = Math.sqrt(1 - q * q * 0.96);
            double z = depth(u, Math.min(v, 2.2)) * profile;
            double turned = 0.5 + (v - 0.5) * cos + z * sin;
            double w = v < 1.8 ? 1 : v > 2.6 ? 0 : (2.6 - v) / 0.8;
            return v + w * (turned - v);
        }

        /** Depth towards the camera: the cylinder, the nose, fading out above the brows and below the chin. */
        private static double depth(double u, double v) {
            double q = Math.min(1, Math.abs(u) / RADIUS);
            double cylinder = RADIUS * Math.sqrt(1 - q * q * 0.96);
            double nose = NOSE_HEIGHT * Math.exp(-sq(u / 0.16) / 2 - sq((v - 0.45) / 0.35) / 2);
            double vertical = v < 2.2 ? 1 : Math.exp(-sq(v - 2.2) * 4);
            return (cylinder + nose) * vertical;
        }
    }
}
