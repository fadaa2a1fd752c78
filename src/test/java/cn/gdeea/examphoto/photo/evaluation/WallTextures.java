package cn.gdeea.examphoto.photo.evaluation;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

/**
 * Backgrounds that are not a plain white wall, painted at the scale of the photo ({@code unit}
 * pixels per eye distance, about 6.3 cm): brick (red or painted white), patterned wallpaper,
 * grey rough plaster or concrete, and a room corner with a door frame, a poster, a shelf of books, a window and a
 * plant. Each is lit unevenly and slightly out of focus, as a wall half a metre behind is.
 */
final class WallTextures {

    private WallTextures() {
    }

    static Canvas brick(int w, int h, double unit, Random r) {
        boolean painted = r.nextBoolean();
        Color brick = painted ? new Color(228, 226, 220) : new Color(150 + r.nextInt(30), 70 + r.nextInt(20), 50 + r.nextInt(15));
        Color mortar = painted ? new Color(190, 188, 182) : new Color(185, 178, 165);
        double rowHeight = unit * (0.9 + 0.3 * r.nextDouble());
        double length = rowHeight * (2.8 + 0.6 * r.nextDouble());
        double joint = rowHeight * (0.1 + 0.04 * r.nextDouble());
        Canvas c = new Canvas(w, h);
        float[] grain = Noise.field(w, h, unit * 0.08, r);
        for (int y = 0; y < h; y++) {
            int row = (int) Math.floor(y / rowHeight);
            double inRow = y - row * rowHeight;
            double offset = (row % 2) * length / 2;
            for (int x = 0; x < w; x++) {
                double xs = x + offset;
                int column = (int) Math.floor(xs / length);
                double inBrick = xs - column * length;
                boolean isMortar = inRow < joint || inBrick < joint;
                Color base = isMortar ? mortar : brick;
                long cellSeed = (row * 73856093L) ^ (column * 19349663L);
                double tone = isMortar ? 1 : 0.85 + 0.3 * unitHash(cellSeed);
                double g = 1 + 0.12 * grain[y * w + x];
                set(c, x, y, base, tone * g);
            }
        }
        return finish(c, unit, r);
    }

    static Canvas wallpaper(int w, int h, double unit, Random r) {
        Color ground = new Color(232 + r.nextInt(15), 226 + r.nextInt(15), 210 + r.nextInt(20));
        Color[] inks = {new Color(170, 150, 120), new Color(120, 150, 170), new Color(150, 170, 130), new Color(190, 140, 150)};
        Color ink = inks[r.nextInt(inks.length)];
        int style = r.nextInt(3);
        double period = unit * (0.7 + 0.8 * r.nextDouble());
        Canvas c = new Canvas(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double coverage = switch (style) {
                    case 0 -> stripes(x, period);
                    case 1 -> dots(x, y, period);
                    default -> damask(x, y, period);
                };
                set(c, x, y, mix(ground, ink, coverage), 1);
            }
        }
        return finish(c, unit, r);
    }

    static Canvas plaster(int w, int h, double unit, Random r) {
        int level = 140 + r.nextInt(60);
        Color base = new Color(level, level - r.nextInt(6), level - 4 - r.nextInt(8));
        float[] coarse = Noise.field(w, h, unit * 1.2, r);
        float[] fine = Noise.field(w, h, unit * 0.12, r);
        Canvas c = new Canvas(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double g = 1 + 0.14 * coarse[y * w + x] + 0.14 * fine[y * w + x];
                set(c, x, y, base, g);
            }
        }
        return finish(c, unit, r);
    }

    /** A light wall with furniture and things on it, drawn with Java2D. */
    static Canvas room(int w, int h, double unit, Random r) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int wallLevel = 215 + r.nextInt(30);
        g.setColor(new Color(wallLevel, wallLevel - r.nextInt(8), wallLevel - 6 - r.nextInt(10)));
        g.fillRect(0, 0, w, h);
        int things = 3 + r.nextInt(3);
        for (int i = 0; i < things; i++) {
            // Mostly beside the head, where a photo shows the wall.
            double x = r.nextBoolean() ? r.nextDouble() * w * 0.3 : w * (0.7 + 0.3 * r.nextDouble());
            double y = r.nextDouble() * h * 0.6;
            switch (r.nextInt(5)) {
                case 0 -> doorFrame(g, x, h, unit, r);
                case 1 -> poster(g, x - unit, y, unit, r);
                case 2 -> shelf(g, x - 2 * unit, y, unit, r);
                case 3 -> window(g, x - unit, y, unit, r);
                default -> plant(g, x, y + unit, unit, r);
            }
        }
        g.dispose();
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Canvas c = new Canvas(w, h);
        for (int i = 0; i < px.length; i++) {
            c.rgb[3 * i] = (px[i] >> 16) & 0xFF;
            c.rgb[3 * i + 1] = (px[i] >> 8) & 0xFF;
            c.rgb[3 * i + 2] = px[i] & 0xFF;
        }
        return finish(c, unit, r);
    }

    private static void doorFrame(Graphics2D g, double x, int h, double unit, Random r) {
        Color wood = new Color(110 + r.nextInt(60), 70 + r.nextInt(40), 40 + r.nextInt(30));
        double bar = unit * 0.6;
        double width = unit * (9 + 3 * r.nextDouble());
        g.setColor(wood);
        g.fill(new Rectangle2D.Double(x, -10, bar, h + 20));
        g.fill(new Rectangle2D.Double(x + width, -10, bar, h + 20));
        g.setColor(wood.brighter());
        g.fill(new Rectangle2D.Double(x + bar, -10, width - bar, h + 20));
    }

    private static void poster(Graphics2D g, double x, double y, double unit, Random r) {
        double pw = unit * (3 + 3 * r.nextDouble());
        double ph = pw * (1.2 + 0.3 * r.nextDouble());
        g.setColor(new Color(40, 40, 40));
        g.fill(new Rectangle2D.Double(x - unit * 0.15, y - unit * 0.15, pw + unit * 0.3, ph + unit * 0.3));
        Color a = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        Color b = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
        g.setPaint(new GradientPaint((float) x, (float) y, a, (float) (x + pw), (float) (y + ph), b));
        g.fill(new Rectangle2D.Double(x, y, pw, ph));
        for (int i = 0; i < 4; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            double s = pw * (0.2 + 0.3 * r.nextDouble());
            g.fill(new Ellipse2D.Double(x + r.nextDouble() * (pw - s), y + r.nextDouble() * (ph - s), s, s));
        }
    }

    private static void shelf(Graphics2D g, double x, double y, double unit, Random r) {
        double sw = unit * (5 + 4 * r.nextDouble());
        g.setColor(new Color(120, 85, 55));
        g.fill(new Rectangle2D.Double(x, y, sw, unit * 0.35));
        double bx = x + unit * 0.2;
        while (bx < x + sw - unit * 0.5) {
            double bw = unit * (0.25 + 0.35 * r.nextDouble());
            double bh = unit * (1.8 + 1.2 * r.nextDouble());
            g.setColor(new Color(40 + r.nextInt(200), 40 + r.nextInt(200), 40 + r.nextInt(200)));
            g.fill(new Rectangle2D.Double(bx, y - bh, bw, bh));
            bx += bw + unit * 0.03;
        }
    }

    private static void window(Graphics2D g, double x, double y, double unit, Random r) {
        double ww = unit * (5 + 4 * r.nextDouble());
        double wh = unit * (6 + 4 * r.nextDouble());
        g.setColor(new Color(250, 250, 252));
        g.fill(new Rectangle2D.Double(x, y, ww, wh));
        g.setPaint(new GradientPaint((float) x, (float) y, new Color(170, 200, 230), (float) x, (float) (y + wh), new Color(120, 150, 110)));
        g.fill(new Rectangle2D.Double(x + unit * 0.3, y + unit * 0.3, ww - unit * 0.6, wh - unit * 0.6));
        g.setColor(new Color(245, 245, 245));
        g.fill(new Rectangle2D.Double(x + ww / 2 - unit * 0.15, y, unit * 0.3, wh));
        g.fill(new Rectangle2D.Double(x, y + wh / 2 - unit * 0.15, ww, unit * 0.3));
    }

    private static void plant(Graphics2D g, double x, double y, double unit, Random r) {
        g.setColor(new Color(150, 90, 60));
        g.fill(new RoundRectangle2D.Double(x - unit, y + unit * 2, unit * 2, unit * 1.6, unit * 0.3, unit * 0.3));
        for (int i = 0; i < 14; i++) {
            g.setColor(new Color(30 + r.nextInt(40), 90 + r.nextInt(70), 30 + r.nextInt(40)));
            double lx = x + (r.nextDouble() - 0.5) * unit * 3;
            double ly = y + (r.nextDouble() - 0.3) * unit * 2.5;
            g.fill(new Ellipse2D.Double(lx, ly, unit * (0.5 + 0.6 * r.nextDouble()), unit * (0.9 + 0.8 * r.nextDouble())));
        }
    }

    private static double stripes(double x, double period) {
        double t = (x / period) % 1;
        return t < 0.35 ? 0.9 : t < 0.42 ? 0.5 : 0;
    }

    private static double dots(double x, double y, double period) {
        double row = Math.floor(y / period);
        double px = x / period + (row % 2) * 0.5;
        double dx = px - Math.floor(px) - 0.5;
        double dy = y / period - row - 0.5;
        return dx * dx + dy * dy < 0.06 ? 0.85 : 0;
    }

    private static double damask(double x, double y, double period) {
        double a = Math.sin(2 * Math.PI * x / period) * Math.sin(2 * Math.PI * y / (period * 1.4));
        double b = Math.cos(2 * Math.PI * (x + y) / (period * 0.9));
        double v = a * 0.7 + b * 0.3;
        return v > 0.35 ? 0.8 : v > 0.2 ? 0.4 : 0;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) (a.getRed() * (1 - t) + b.getRed() * t), (int) (a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) (a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private static void set(Canvas c, int x, int y, Color colour, double gain) {
        int k = (y * c.width + x) * 3;
        c.rgb[k] = (float) (colour.getRed() * gain);
        c.rgb[k + 1] = (float) (colour.getGreen() * gain);
        c.rgb[k + 2] = (float) (colour.getBlue() * gain);
    }

    /** Uneven light, vignetting and the slight defocus of a wall behind the subject. */
    private static Canvas finish(Canvas c, double unit, Random r) {
        c.blur(unit * (0.02 + 0.04 * r.nextDouble()));
        double angle = r.nextDouble() * 2 * Math.PI;
        double strength = 0.05 + 0.15 * r.nextDouble();
        for (int y = 0; y < c.height; y++) {
            double ny = (y - c.height / 2.0) / c.height;
            for (int x = 0; x < c.width; x++) {
                double nx = (x - c.width / 2.0) / c.width;
                double gain = (1 + strength * (nx * Math.cos(angle) + ny * Math.sin(angle))) * (1 - 0.12 * (nx * nx + ny * ny));
                int k = (y * c.width + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    c.rgb[k + ch] *= (float) gain;
                }
            }
        }
        return c;
    }

    private static double unitHash(long seed) {
        long z = seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 11) / (double) (1L << 53);
    }
}
