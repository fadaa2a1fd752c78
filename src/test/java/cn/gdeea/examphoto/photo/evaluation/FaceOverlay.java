package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.image.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * A photo opened for drawing things onto the face (glasses, a fringe, hair over the ears) in
 * {@link FaceAxes} units, so that what is drawn fits every face and follows its roll.
 */
final class FaceOverlay {

    final BufferedImage image;
    final int[] argb;
    final FaceAxes axes;
    private final FaceLandmarks landmarks;

    FaceOverlay(RgbImage photo, FaceLandmarks landmarks) {
        this.image = new BufferedImage(photo.width(), photo.height(), BufferedImage.TYPE_INT_RGB);
        this.argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] p = photo.pixels();
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (p[3 * i] & 0xFF) << 16 | (p[3 * i + 1] & 0xFF) << 8 | (p[3 * i + 2] & 0xFF);
        }
        this.landmarks = landmarks;
        this.axes = FaceAxes.of(landmarks);
    }

    /** Graphics drawing in face units, antialiased. */
    Graphics2D faceGraphics() {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setTransform(faceTransform());
        return g;
    }

    AffineTransform faceTransform() {
        AffineTransform t = new AffineTransform();
        t.translate(axes.originX(), axes.originY());
        t.rotate(axes.angle());
        t.scale(axes.unit(), axes.unit());
        return t;
    }

    /** Landmark {@code index} in face units. */
    Point landmark(int index) {
        Point p = landmarks.points().get(index);
        return new Point(axes.u(p), axes.v(p));
    }

    /** Colour of the photo at face coordinates (u, v), clamped to the photo. */
    int rgbAt(double u, double v) {
        int x = (int) Math.max(0, Math.min(width() - 1, axes.x(u, v)));
        int y = (int) Math.max(0, Math.min(height() - 1, axes.y(u, v)));
        return argb[y * width() + x] & 0xFFFFFF;
    }

    /**
     * Darkens the photo under {@code shape} (face units) moved down by {@code drop}, blurred by
     * {@code blur} units: the soft shadow an object close to the skin casts in frontal light.
     */
    void shadow(Shape shape, double drop, double blur, double strength) {
        Shape moved = faceTransform().createTransformedShape(
                AffineTransform.getTranslateInstance(0, drop).createTransformedShape(shape));
        Rectangle bounds = moved.getBounds();
        int pad = (int) Math.ceil(blur * axes.unit() * 2) + 2;
        bounds.grow(pad, pad);
        bounds = bounds.intersection(new Rectangle(0, 0, width(), height()));
        if (bounds.isEmpty()) {
            return;
        }
        BufferedImage mask = new BufferedImage(bounds.width, bounds.height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.translate(-bounds.x, -bounds.y);
        g.setColor(Color.WHITE);
        g.fill(moved);
        g.dispose();
        float[] m = new float[bounds.width * bounds.height];
        byte[] raw = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < m.length; i++) {
            m[i] = (raw[i] & 0xFF) / 255f;
        }
        int radius = Math.max(1, (int) Math.round(blur * axes.unit()));
        m = Blur.box(Blur.box(m, bounds.width, bounds.height, radius), bounds.width, bounds.height, radius);
        for (int y = 0; y < bounds.height; y++) {
            for (int x = 0; x < bounds.width; x++) {
                float k = 1 - (float) strength * m[y * bounds.width + x];
                int i = (bounds.y + y) * width() + bounds.x + x;
                int c = argb[i];
                argb[i] = (int) (((c >> 16) & 0xFF) * k) << 16 | (int) (((c >> 8) & 0xFF) * k) << 8
                        | (int) ((c & 0xFF) * k);
            }
        }
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    RgbImage toRgb() {
        byte[] out = new byte[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            out[3 * i] = (byte) (argb[i] >> 16);
            out[3 * i + 1] = (byte) (argb[i] >> 8);
            out[3 * i + 2] = (byte) argb[i];
        }
        return new RgbImage(width(), height(), out);
    }
}
