package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.image.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * The head, hair and neck of a real photo, cut out upright with a soft matte so that it can be
 * put on a new background. In {@link FaceAxes} units: the face polygon, the forehead and the
 * middle of the neck are certainly the person; beyond a generous head outline it is certainly
 * background; in between, each pixel goes to whichever colour model (k-means of the two certain
 * regions) it is nearer, after a majority vote over its neighbours, keeping only what connects to
 * the face. Where this fails (hair as dark as the background, a busy background) is judged by
 * looking at the portraits; such photos are excluded in the label file.
 */
final class HeadCutout {

    static final double U0 = -2.8;
    static final double U1 = 2.8;
    static final double V0 = -2.9;
    static final double V1 = 3.3;
    private static final double MAX_PIXELS_PER_UNIT = 220;

    final double pixelsPerUnit;
    final int width;
    final int height;
    private final byte[] rgb;
    private final byte[] alpha;
    private final Color clothing;

    private HeadCutout(double pixelsPerUnit, int width, int height, byte[] rgb, byte[] alpha, Color clothing) {
        this.pixelsPerUnit = pixelsPerUnit;
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.alpha = alpha;
        this.clothing = clothing;
    }

    /** The colour of the clothes just beside the neck in the source photo, or null if not seen. */
    Color clothing() {
        return clothing;
    }

    static HeadCutout extract(RgbImage photo, DetectedFace face) {
        FaceAxes axes = FaceAxes.of(face.landmarks());
        double ppu = Math.min(axes.unit(), MAX_PIXELS_PER_UNIT);
        int w = (int) Math.round((U1 - U0) * ppu);
        int h = (int) Math.round((V1 - V0) * ppu);
        float[] rgb = Cutting.resample(photo, axes, U0, V0, ppu, w, h);
        AffineTransform toPixels = new AffineTransform(ppu, 0, 0, ppu, -U0 * ppu, -V0 * ppu);
        byte[] core = rasterize(core(face.landmarks(), axes), toPixels, w, h);
        int modelRows = (int) ((2.1 - V0) * ppu);
        byte[] outer = rasterize(outer(), toPixels, w, h);
        boolean[] backdrop = backdrop(outer, w, h, ppu);
        Random random = new Random(7);
        float[][] fg = Cutting.centres(rgb, w, k -> core[k] != 0 && k / w < modelRows, random);
        float[][] bg = Cutting.centres(rgb, w, k -> backdrop[k], random);
        float[] vote = new float[w * h];
        for (int k = 0; k < w * h; k++) {
            if (!Float.isNaN(rgb[k * 3]) && (bg == null || Cutting.nearest(rgb, k, fg) < Cutting.nearest(rgb, k, bg))) {
                vote[k] = 1;
            }
        }
        Canvas.blurPlane(vote, w, h, Math.max(1, 0.03 * ppu));
        boolean[] person = new boolean[w * h];
        for (int k = 0; k < w * h; k++) {
            person[k] = core[k] != 0 || outer[k] != 0 && vote[k] > 0.5f && !Float.isNaN(rgb[k * 3]);
        }
        Cutting.keepConnected(person, core, w, h);
        Cutting.fillHoles(person, w, h);
        return new HeadCutout(ppu, w, h, toBytes(rgb), matte(person, outer, w, h, ppu), clothingColour(rgb, w, ppu));
    }

    /**
     * Where the old background is sampled: above the head and at the far sides, where long or
     * voluminous hair rarely reaches and shoulders never do.
     */
    private static boolean[] backdrop(byte[] outer, int w, int h, double ppu) {
        boolean[] backdrop = new boolean[w * h];
        for (int k = 0; k < w * h; k++) {
            double u = U0 + (k % w + 0.5) / ppu;
            double v = V0 + (k / w + 0.5) / ppu;
            backdrop[k] = outer[k] == 0 && (v < -0.8 || Math.abs(u) > 2.3 && v < 0.8);
        }
        return backdrop;
    }

    /** Colour and alpha at frame point (u, v), bilinear; alpha 0 outside the cut-out. */
    float sample(double u, double v, float[] out) {
        double fx = (u - U0) * pixelsPerUnit - 0.5;
        double fy = (v - V0) * pixelsPerUnit - 0.5;
        if (fx < 0 || fy < 0 || fx >= width - 1 || fy >= height - 1) {
            return 0;
        }
        int x0 = (int) fx;
        int y0 = (int) fy;
        float ax = (float) (fx - x0);
        float ay = (float) (fy - y0);
        int k00 = y0 * width + x0;
        int k01 = k00 + width;
        float w00 = (1 - ax) * (1 - ay) * (alpha[k00] & 0xFF);
        float w10 = ax * (1 - ay) * (alpha[k00 + 1] & 0xFF);
        float w01 = (1 - ax) * ay * (alpha[k01] & 0xFF);
        float w11 = ax * ay * (alpha[k01 + 1] & 0xFF);
        float a = w00 + w10 + w01 + w11;
        if (a <= 0.01f) {
            return 0;
        }
        for (int c = 0; c < 3; c++) {
            out[c] = (w00 * (rgb[k00 * 3 + c] & 0xFF) + w10 * (rgb[(k00 + 1) * 3 + c] & 0xFF)
                    + w01 * (rgb[k01 * 3 + c] & 0xFF) + w11 * (rgb[(k01 + 1) * 3 + c] & 0xFF)) / a;
        }
        return a / 255;
    }

    /** Face polygon (jaw, then brows lifted a little), forehead and the middle of the neck. */
    private static Area core(FaceLandmarks landmarks, FaceAxes axes) {
        Path2D.Double face = new Path2D.Double();
        for (int i = 0; i <= 16; i++) {
            Point p = landmarks.points().get(i);
            if (i == 0) {
                face.moveTo(axes.u(p) * 0.95, axes.v(p));
            } else {
                face.lineTo(axes.u(p) * 0.95, axes.v(p));
            }
        }
        for (int i = 26; i >= 17; i--) {
            Point p = landmarks.points().get(i);
            face.lineTo(axes.u(p) * 0.95, axes.v(p) - 0.1);
        }
        face.closePath();
        Area area = new Area(face);
        area.add(new Area(new Ellipse2D.Double(-0.8, -1.5, 1.6, 2.0)));
        Path2D.Double neck = new Path2D.Double();
        neck.moveTo(-0.45, 1.1);
        neck.lineTo(0.45, 1.1);
        neck.lineTo(0.5, V1);
        neck.lineTo(-0.5, V1);
        neck.closePath();
        area.add(new Area(neck));
        return area;
    }

    /** Everything that may be the person: a generous head outline and the hair beside the neck. */
    private static Area outer() {
        Area area = new Area(new Ellipse2D.Double(-2.0, -2.8, 4.0, 5.0));
        Path2D.Double sides = new Path2D.Double();
        sides.moveTo(-1.95, 0.2);
        sides.lineTo(1.95, 0.2);
        sides.lineTo(1.95, 1.6);
        sides.lineTo(1.15, 2.4);
        sides.lineTo(1.0, V1);
        sides.lineTo(-1.0, V1);
        sides.lineTo(-1.15, 2.4);
        sides.lineTo(-1.95, 1.6);
        sides.closePath();
        area.add(new Area(sides));
        return area;
    }

    private static byte[] rasterize(Area area, AffineTransform toPixels, int w, int h) {
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fill(area.createTransformedArea(toPixels));
        g.dispose();
        return ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    }

    /** The person mask, feathered, faded out towards the outer outline so cut hair ends softly. */
    private static byte[] matte(boolean[] person, byte[] outer, int w, int h, double ppu) {
        float[] soft = new float[w * h];
        float[] fade = new float[w * h];
        for (int k = 0; k < w * h; k++) {
            soft[k] = person[k] ? 1 : 0;
            fade[k] = outer[k] != 0 ? 1 : 0;
        }
        Canvas.blurPlane(soft, w, h, Math.max(1, 0.012 * ppu));
        Canvas.blurPlane(fade, w, h, 0.06 * ppu);
        byte[] alpha = new byte[w * h];
        for (int k = 0; k < w * h; k++) {
            double t = Math.max(0, Math.min(1, (fade[k] - 0.5) * 2.5));
            double f = t * t * (3 - 2 * t);
            alpha[k] = (byte) Math.round(255 * soft[k] * f);
        }
        return alpha;
    }

    private static Color clothingColour(float[] rgb, int w, double ppu) {
        double[] sum = new double[3];
        int n = 0;
        for (double v = 2.8; v < 3.2; v += 1 / ppu) {
            for (double au = 1.0; au < 1.25; au += 1 / ppu) {
                for (double u : new double[] {-au, au}) {
                    int k = (int) ((v - V0) * ppu) * w + (int) ((u - U0) * ppu);
                    if (k >= 0 && k * 3 + 2 < rgb.length && !Float.isNaN(rgb[k * 3])) {
                        sum[0] += rgb[k * 3];
                        sum[1] += rgb[k * 3 + 1];
                        sum[2] += rgb[k * 3 + 2];
                        n++;
                    }
                }
            }
        }
        return n < 50 ? null : new Color((int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n));
    }

    private static byte[] toBytes(float[] rgb) {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = Float.isNaN(rgb[i]) ? 0 : (byte) Math.max(0, Math.min(255, Math.round(rgb[i])));
        }
        return out;
    }
}
