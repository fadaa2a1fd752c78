package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A head-and-shoulders photo painted for unit tests of the appearance checks: wall, shoulders,
 * neck, hair, ears, face, eyes and brows drawn in {@link FaceFrame} units around the mean face of
 * {@link SyntheticFaces}, then light sensor noise. Each {@code with…} adds one thing the guide
 * forbids (or allows), so a test shows one rule at a time.
 */
final class PaintedPortrait {

    static final Color SKIN = new Color(226, 182, 160);
    static final Color HAIR = new Color(38, 30, 26);
    private static final int WIDTH = 900;
    private static final int HEIGHT = 1200;
    private static final double EYES_X = 450;
    private static final double EYES_Y = 500;
    private static final double UNIT = 150;

    private Color wall = new Color(238, 238, 236);
    private Color clothing = new Color(30, 40, 90);
    private Consumer<Graphics2D> background = g -> { };
    private Consumer<Graphics2D> overlay = g -> { };
    private CheckSettings settings = CheckSettings.defaults();

    PaintedPortrait wall(Color colour) {
        this.wall = colour;
        return this;
    }

    PaintedPortrait clothing(Color colour) {
        this.clothing = colour;
        return this;
    }

    PaintedPortrait settings(CheckSettings checkSettings) {
        this.settings = checkSettings;
        return this;
    }

    /** Vertical stripes on the wall, as wallpaper has. */
    PaintedPortrait stripedWall(Color stripe) {
        background = g -> {
            g.setColor(stripe);
            for (double u = -6; u < 6; u += 0.8) {
                g.fill(new Rectangle2D.Double(u, -6, 0.3, 16));
            }
        };
        return this;
    }

    /** Thick black frames around both eyes, joined by a bridge. */
    PaintedPortrait withGlasses() {
        overlay = overlay.andThen(g -> {
            g.setColor(new Color(20, 20, 22));
            g.setStroke(new BasicStroke(0.06f));
            g.draw(new RoundRectangle2D.Double(-0.9, -0.22, 0.78, 0.5, 0.2, 0.2));
            g.draw(new RoundRectangle2D.Double(0.12, -0.22, 0.78, 0.5, 0.2, 0.2));
            g.draw(new Line2D.Double(-0.12, -0.1, 0.12, -0.1));
        });
        return this;
    }

    /** A blunt fringe from the hair down to the brows. */
    PaintedPortrait withFringe() {
        overlay = overlay.andThen(g -> {
            g.setColor(HAIR);
            Path2D fringe = new Path2D.Double();
            fringe.moveTo(-1.1, -1.4);
            fringe.lineTo(1.1, -1.4);
            fringe.lineTo(1.05, -0.38);
            fringe.lineTo(-1.05, -0.38);
            fringe.closePath();
            g.fill(fringe);
        });
        return this;
    }

    /** Long hair falling down both sides of the face, over the ears. */
    PaintedPortrait withHairOverEars() {
        overlay = overlay.andThen(g -> {
            g.setColor(HAIR);
            for (int side = -1; side <= 1; side += 2) {
                Path2D curtain = new Path2D.Double();
                curtain.moveTo(side * 0.6, -1.6);
                curtain.lineTo(side * 1.6, -0.8);
                curtain.lineTo(side * 1.7, 2.2);
                curtain.lineTo(side * 1.02, 2.2);
                curtain.lineTo(side * 1.02, -0.6);
                curtain.closePath();
                g.fill(curtain);
            }
        });
        return this;
    }

    FacePhoto photo() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(wall);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.translate(EYES_X, EYES_Y);
        g.scale(UNIT, UNIT);
        background.accept(g);
        paintPerson(g);
        overlay.accept(g);
        g.dispose();
        return new FacePhoto(withNoise(image), SyntheticFaces.face(landmarks()), settings);
    }

    static FaceLandmarks landmarks() {
        return SyntheticFaces.frontal(EYES_X, EYES_Y, UNIT);
    }

    private void paintPerson(Graphics2D g) {
        Path2D body = new Path2D.Double();
        body.moveTo(-0.6, 2.4);
        body.curveTo(-1.2, 2.7, -2.2, 2.8, -2.6, 3.3);
        body.lineTo(-3.0, 5.0);
        body.lineTo(3.0, 5.0);
        body.lineTo(2.6, 3.3);
        body.curveTo(2.2, 2.8, 1.2, 2.7, 0.6, 2.4);
        body.closePath();
        fill(g, HAIR, new Ellipse2D.Double(-1.2, -2.05, 2.4, 2.9));
        fill(g, SKIN.darker(), new Rectangle2D.Double(-0.45, 1.2, 0.9, 1.5));
        fill(g, clothing, body);
        Color ear = new Color(214, 160, 140);
        fill(g, ear, new Ellipse2D.Double(-1.34, -0.05, 0.32, 0.8));
        fill(g, ear, new Ellipse2D.Double(1.02, -0.05, 0.32, 0.8));
        fill(g, SKIN, new Ellipse2D.Double(-1.12, -1.1, 2.24, 2.85));
        for (int side = -1; side <= 1; side += 2) {
            fill(g, new Color(245, 245, 245), new Ellipse2D.Double(side * 0.5 - 0.2, -0.08, 0.4, 0.16));
            fill(g, new Color(60, 45, 35), new Ellipse2D.Double(side * 0.5 - 0.07, -0.07, 0.14, 0.14));
            fill(g, new Color(70, 50, 40), new Ellipse2D.Double(side * 0.55 - 0.25, -0.38, 0.5, 0.08));
        }
        fill(g, new Color(190, 110, 110), new Ellipse2D.Double(-0.35, 1.0, 0.7, 0.14));
    }

    private static void fill(Graphics2D g, Color colour, Shape shape) {
        g.setColor(colour);
        g.fill(shape);
    }

    private static RgbImage withNoise(BufferedImage image) {
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] out = new byte[px.length * 3];
        Random random = new Random(7);
        for (int i = 0; i < px.length; i++) {
            int n = (int) Math.round(random.nextGaussian() * 1.5);
            out[3 * i] = clamp(((px[i] >> 16) & 0xFF) + n);
            out[3 * i + 1] = clamp(((px[i] >> 8) & 0xFF) + n);
            out[3 * i + 2] = clamp((px[i] & 0xFF) + n);
        }
        return new RgbImage(WIDTH, HEIGHT, out);
    }

    private static byte clamp(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }
}
