package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;

import java.awt.Color;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Random;

/**
 * Hair where the guide wants skin: a fringe over the forehead (刘海遮挡) and long hair hanging over
 * the ears (头发遮挡). The hair is drawn strand by strand ({@link HairBrush}) in the colour of the
 * person's own hair — sampled just above the forehead; dark brown or black when that is not hair —
 * growing from the crown over the head, with the soft shadow it casts on the skin.
 */
final class HairViolations {

    private static final Color[] DARK_HAIR = {new Color(24, 21, 20), new Color(46, 34, 27), new Color(74, 52, 36)};

    private HairViolations() {
    }

    /** Blunt bangs down to the brows, or a side-swept fringe over most of the forehead. */
    static Violation fringe() {
        return Violations.of("fringe_over_forehead", "forehead", (p, r) -> {
            FaceOverlay overlay = new FaceOverlay(p.image(), p.face().landmarks());
            HairBrush brush = new HairBrush(overlay, hairColour(overlay, r), r);
            double brow = Double.MAX_VALUE;
            for (int i = 17; i <= 26; i++) {
                brow = Math.min(brow, overlay.landmark(i).y());
            }
            double half = halfHeadWidth(overlay);
            boolean swept = r.nextBoolean();
            double side = r.nextBoolean() ? 1 : -1;
            double low = brow + between(r, -0.05, 0.04);
            double high = swept ? brow - between(r, 0.1, 0.2) : brow + between(r, -0.05, 0.04);
            double sweep = swept ? side * between(r, 0.25, 0.45) : between(r, -0.05, 0.05);
            Area mass = dome(half);
            mass.intersect(new Area(new Rectangle2D.Double(-3, -3, 6, 3 + Math.max(low, high) + 0.05)));
            float[] keep = person(overlay);
            Area tips = new Area(mass);
            tips.intersect(new Area(new Rectangle2D.Double(-half + 0.15, Math.min(low, high) - 0.25, 2 * half - 0.3, 1)));
            overlay.shadow(tips, 0.05, 0.05, 0.3);
            brush.fill(mass, 0.8);
            for (int i = 0; i < 200; i++) {
                double t = r.nextDouble();
                double tipU = -half * 0.97 + 2 * half * 0.97 * t;
                double edge = side > 0 ? low + (high - low) * t : high + (low - high) * t;
                double tipV = edge + between(r, -0.04, 0.03) + 0.06 * Math.pow(Math.abs(tipU) / half, 4);
                double rootU = tipU * 0.3 - sweep;
                brush.clump(mass, 12, 0.05, rootU, -1.95, rootU + (tipU - rootU) * 0.3 + sweep * 0.4, -1.55,
                        tipU - sweep * 0.3, tipV - 0.4, tipU, tipV);
            }
            brush.sheen(mass, -1.2, 0.3);
            brush.composite(keep);
            return overlay.toRgb();
        });
    }

    /** Long hair parted on top and falling down both sides of the face, over the ears. */
    static Violation overEars() {
        return Violations.of("hair_over_ears", "ears", (p, r) -> {
            FaceOverlay overlay = new FaceOverlay(p.image(), p.face().landmarks());
            HairBrush brush = new HairBrush(overlay, hairColour(overlay, r), r);
            double half = halfHeadWidth(overlay);
            double length = between(r, 1.6, 2.6);
            double parting = between(r, -0.25, 0.25);
            double[] cheek = {-overlay.landmark(2).x() - between(r, 0.0, 0.06), overlay.landmark(14).x() - between(r, 0.0, 0.06)};
            double outer = half + between(r, 0.25, 0.5);
            Area mass = dome(half);
            for (int side = -1; side <= 1; side += 2) {
                double c = cheek[side < 0 ? 0 : 1];
                Path2D curtain = new Path2D.Double();
                curtain.moveTo(parting, -1.95);
                curtain.curveTo(side * half * 0.9, -1.95, side * outer, -1.3, side * outer, -0.3);
                curtain.curveTo(side * outer, 0.6, side * (outer + 0.2), length - 0.4, side * (outer + 0.12), length);
                curtain.lineTo(side * (c + 0.1), length);
                curtain.curveTo(side * c, 1.0, side * c, 0.4, side * c, -0.2);
                curtain.curveTo(side * c, -0.7, side * half * 0.75, -1.3, parting, -1.45);
                curtain.closePath();
                mass.add(new Area(curtain));
            }
            mass.subtract(new Area(new Ellipse2D.Double(-Math.min(cheek[0], cheek[1]), -1.2,
                    2 * Math.min(cheek[0], cheek[1]), 3.6)));
            overlay.shadow(mass, 0.0, 0.05, 0.3);
            brush.fill(mass, 0.75);
            for (int i = 0; i < 260; i++) {
                double side = r.nextBoolean() ? 1 : -1;
                double t = r.nextDouble();
                double c = cheek[side < 0 ? 0 : 1];
                double u = side * (c + (outer + 0.1 - c) * t);
                double tip = length + between(r, -0.35, 0.05);
                brush.clump(mass, 10, 0.05, parting + side * 0.03, -1.95, side * (half * 0.85 + 0.25 * t), -1.65,
                        u, 0.0, u + side * 0.1 * t, tip);
            }
            brush.sheen(mass, -1.3, 0.3);
            brush.composite(null);
            return overlay.toRgb();
        });
    }

    /** The dome of the head and its hair, in face units: the top near v = −1.95. */
    private static Area dome(double half) {
        return new Area(new Ellipse2D.Double(-half, -1.95, 2 * half, 2.9));
    }

    private static double halfHeadWidth(FaceOverlay overlay) {
        return Math.max(-overlay.landmark(0).x(), overlay.landmark(16).x()) + 0.1;
    }

    /** 1 on the person, 0 on the light plain wall of the portrait, softened at the edge. */
    private static float[] person(FaceOverlay overlay) {
        float[] keep = new float[overlay.argb.length];
        for (int i = 0; i < keep.length; i++) {
            int c = overlay.argb[i];
            int r = (c >> 16) & 0xFF;
            int g = (c >> 8) & 0xFF;
            int b = c & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            double luma = 0.299 * r + 0.587 * g + 0.114 * b;
            keep[i] = luma > 190 && max - min < 22 ? 0 : 1;
        }
        // A wide blur and a ramp fill the small holes (highlights in the hair) and soften the edge.
        Canvas.blurPlane(keep, overlay.width(), overlay.height(), Math.max(1, overlay.axes.unit() * 0.03));
        for (int i = 0; i < keep.length; i++) {
            keep[i] = (float) Math.max(0, Math.min(1, (keep[i] - 0.25) / 0.35));
        }
        return keep;
    }

    /**
     * The person's hair colour just above the forehead, when that is hair: dark (well below the
     * forehead's brightness) or blond (yellower than the skin, green near red), never the wall.
     * Otherwise dark brown or black.
     */
    static Color hairColour(FaceOverlay overlay, Random r) {
        int skin = overlay.rgbAt(0, -0.55);
        double skinLuma = luma(skin);
        double skinYellow = yellowness(skin);
        int[][] found = new int[40][];
        int n = 0;
        for (double u = -0.4; u <= 0.41; u += 0.1) {
            for (double v = -1.4; v <= -1.05; v += 0.1) {
                int c = overlay.rgbAt(u, v);
                int red = (c >> 16) & 0xFF;
                int green = (c >> 8) & 0xFF;
                int blue = c & 0xFF;
                int spread = Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue));
                double luma = luma(c);
                boolean wall = luma > 185 && spread < 25;
                boolean dark = luma < 0.55 * skinLuma;
                boolean blond = luma >= 0.55 * skinLuma && yellowness(c) > skinYellow + 0.07;
                if (!wall && (dark || blond) && n < found.length) {
                    found[n++] = new int[] {(int) luma, red, green, blue};
                }
            }
        }
        if (n < 10) {
            return DARK_HAIR[r.nextInt(DARK_HAIR.length)];
        }
        int[][] sorted = Arrays.copyOf(found, n);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        int[] median = sorted[n / 2];
        return new Color(median[1], median[2], median[3]);
    }

    private static double luma(int c) {
        return 0.299 * ((c >> 16) & 0xFF) + 0.587 * ((c >> 8) & 0xFF) + 0.114 * (c & 0xFF);
    }

    /** Green over red: skin is pinker, blond hair yellower. */
    private static double yellowness(int c) {
        return ((c >> 8) & 0xFF) / Math.max(1.0, (c >> 16) & 0xFF);
    }
}
