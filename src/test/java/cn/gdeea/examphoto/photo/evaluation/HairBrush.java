package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

/**
 * Paints hair in face units onto a layer over a {@link FaceOverlay}: a base of the hair colour in
 * shade, then clumps of strands — thin curves of varied width, shade and opacity that share a
 * clump's path — softened by a slight blur, and composited inside the hair's outline. Strand
 * ends make the outline ragged, like real hair.
 */
final class HairBrush {

    private final FaceOverlay overlay;
    private final Color colour;
    private final Random random;
    private final BufferedImage layer;

    HairBrush(FaceOverlay overlay, Color colour, Random random) {
        this.overlay = overlay;
        this.colour = colour;
        this.random = random;
        this.layer = new BufferedImage(overlay.width(), overlay.height(), BufferedImage.TYPE_INT_ARGB);
    }

    private Graphics2D graphics(Shape clip) {
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setTransform(overlay.faceTransform());
        g.setClip(clip);
        return g;
    }

    /** The shaded base, inset from the outline so that strand ends make the edge. */
    void fill(Shape mass, double shade) {
        Graphics2D g = graphics(mass);
        Area inside = new Area(mass);
        inside.subtract(new Area(new BasicStroke(0.1f).createStrokedShape(mass)));
        g.setColor(scaled(colour, shade));
        g.fill(inside);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.fill(mass);
        g.dispose();
    }

    /**
     * A clump of {@code count} strands along the cubic from (u0, v0) to (u3, v3), {@code spread}
     * wide along its length and gathering to a point at the tip, with a darker parting beside it.
     */
    void clump(Shape mass, int count, double spread, double u0, double v0, double u1, double v1,
               double u2, double v2, double u3, double v3) {
        Graphics2D g = graphics(mass);
        double clumpLight = between(random, 0.8, 1.15);
        double wave = between(random, -0.04, 0.04);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
        g.setColor(scaled(colour, 0.55));
        g.setStroke(new BasicStroke((float) (spread * 0.25)));
        g.draw(new CubicCurve2D.Double(u0 + spread / 2, v0, u1 + spread / 2 + wave, v1, u2 + spread / 2 - wave, v2,
                u3 + spread * 0.2, v3 - 0.02));
        for (int i = 0; i < count; i++) {
            double s = (random.nextDouble() - 0.5) * spread;
            double light = clumpLight * (random.nextDouble() < 0.12 ? between(random, 1.1, 1.3) : between(random, 0.85, 1.05));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) between(random, 0.2, 0.55)));
            g.setColor(scaled(colour, light));
            g.setStroke(new BasicStroke((float) between(random, 0.003, 0.008), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double end = between(random, -0.04, 0.02);
            g.draw(new CubicCurve2D.Double(u0 + s, v0, u1 + s + wave, v1, u2 + s * 0.7 - wave, v2, u3 + s * 0.15, v3 + end));
        }
        g.dispose();
    }

    /** A soft lighter band across the hair around {@code v}: light on the curve of the head. */
    void sheen(Shape mass, double v, double width) {
        Graphics2D g = graphics(mass);
        int steps = 10;
        for (int i = 0; i < steps; i++) {
            double t = (i + 0.5) / steps;
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_ATOP, (float) (0.12 * Math.sin(Math.PI * t))));
            g.setColor(scaled(colour, 1.6));
            g.fill(new Rectangle2D.Double(-4, v - width / 2 + width * i / steps, 8, width / steps));
        }
        g.dispose();
    }

    /**
     * Puts the layer on the photo, softened by a blur of about a pixel, where {@code keep} allows
     * (1 everywhere when null).
     */
    void composite(float[] keep) {
        int w = layer.getWidth();
        int h = layer.getHeight();
        int[] px = ((DataBufferInt) layer.getRaster().getDataBuffer()).getData();
        float[][] planes = new float[4][w * h];
        for (int i = 0; i < px.length; i++) {
            float a = ((px[i] >>> 24) & 0xFF) / 255f;
            planes[0][i] = a;
            planes[1][i] = ((px[i] >> 16) & 0xFF) * a;
            planes[2][i] = ((px[i] >> 8) & 0xFF) * a;
            planes[3][i] = (px[i] & 0xFF) * a;
        }
        double sigma = Math.max(0.6, overlay.axes.unit() * 0.003);
        for (float[] plane : planes) {
            Canvas.blurPlane(plane, w, h, sigma);
        }
        int[] out = overlay.argb;
        for (int i = 0; i < out.length; i++) {
            float a = planes[0][i] * (keep == null ? 1 : keep[i]);
            if (a <= 0.002f) {
                continue;
            }
            float inv = 1 / Math.max(planes[0][i], 1e-4f);
            int c = out[i];
            int r = mix((c >> 16) & 0xFF, planes[1][i] * inv, a);
            int gr = mix((c >> 8) & 0xFF, planes[2][i] * inv, a);
            int b = mix(c & 0xFF, planes[3][i] * inv, a);
            out[i] = r << 16 | gr << 8 | b;
        }
    }

    private static int mix(int under, float over, float alpha) {
        return Math.max(0, Math.min(255, Math.round(under * (1 - alpha) + over * alpha)));
    }

    private static Color scaled(Color c, double k) {
        double lift = k > 1 ? 14 * (k - 1) : 0;
        return new Color(clamp(c.getRed() * k + lift), clamp(c.getGreen() * k + lift), clamp(c.getBlue() * k + lift * 0.8));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
