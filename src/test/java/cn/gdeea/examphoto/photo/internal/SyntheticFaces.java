package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntBinaryOperator;

/**
 * Faces and photos made up for unit tests. The landmarks are the mean of 22 frontal faces found
 * by the face engine in the evaluation portraits, in {@link FaceFrame} units (eye distance 1,
 * eye line at v = 0), given a depth so that the head can be turned and nodded in 3-D.
 */
public final class SyntheticFaces {

    /** u, v of the 68 iBUG landmarks of a level, frontal average face. */
    private static final double[] MEAN_FACE = {
            -1.122, -0.020, -1.086, 0.288, -1.032, 0.575, -0.975, 0.820,
            -0.886, 1.095, -0.739, 1.310, -0.556, 1.460, -0.318, 1.620,
            0.032, 1.705, 0.372, 1.609, 0.589, 1.464, 0.757, 1.319,
            0.901, 1.092, 1.000, 0.823, 1.047, 0.564, 1.097, 0.290,
            1.110, -0.006, -0.899, -0.243, -0.762, -0.326, -0.593, -0.340,
            -0.432, -0.317, -0.289, -0.261, 0.291, -0.257, 0.431, -0.311,
            0.588, -0.340, 0.767, -0.323, 0.894, -0.248, 0.001, 0.053,
            0.004, 0.258, 0.003, 0.453, -0.004, 0.623, -0.178, 0.705,
            -0.099, 0.742, 0.004, 0.763, 0.110, 0.734, 0.192, 0.710,
            -0.682, -0.019, -0.581, -0.058, -0.439, -0.058, -0.306, 0.020,
            -0.419, 0.065, -0.573, 0.051, 0.302, 0.018, 0.433, -0.063,
            0.583, -0.062, 0.679, -0.005, 0.578, 0.061, 0.425, 0.051,
            -0.407, 1.029, -0.263, 0.976, -0.085, 0.940, 0.009, 0.957,
            0.097, 0.933, 0.293, 0.984, 0.448, 1.030, 0.289, 1.153,
            0.158, 1.220, 0.016, 1.241, -0.113, 1.224, -0.259, 1.166,
            -0.387, 1.032, -0.125, 1.025, 0.009, 1.027, 0.141, 1.029,
            0.414, 1.029, 0.145, 1.092, 0.018, 1.109, -0.110, 1.101};

    private SyntheticFaces() {
    }

    /**
     * The mean face with its eye midpoint at (x, y), {@code eyeDistance} pixels between the eyes,
     * turned by yaw, nodded by pitch (chin down positive) and leaning by roll, in degrees.
     */
    public static FaceLandmarks landmarks(double x, double y, double eyeDistance, double yaw, double pitch, double roll) {
        double cy = Math.cos(Math.toRadians(yaw));
        double sy = Math.sin(Math.toRadians(yaw));
        double cp = Math.cos(Math.toRadians(pitch));
        double sp = Math.sin(Math.toRadians(pitch));
        double cr = Math.cos(Math.toRadians(roll));
        double sr = Math.sin(Math.toRadians(roll));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            double u = MEAN_FACE[2 * i];
            double v = MEAN_FACE[2 * i + 1];
            double z = depth(i, u);
            double u1 = u * cy + z * sy;
            double z1 = -u * sy + z * cy;
            // Pitch about the ear line (v ≈ 0.3): the chin goes down and back, the nose down.
            double v1 = 0.3 + (v - 0.3) * cp + z1 * sp;
            double px = u1 * cr - v1 * sr;
            double py = u1 * sr + v1 * cr;
            points.add(new Point(x + px * eyeDistance, y + py * eyeDistance));
        }
        return new FaceLandmarks(points);
    }

    public static FaceLandmarks frontal(double x, double y, double eyeDistance) {
        return landmarks(x, y, eyeDistance, 0, 0, 0);
    }

    /** Depth towards the camera: a rounded face with the nose standing out. */
    private static double depth(int index, double u) {
        double round = 1.3 * Math.sqrt(Math.max(0, 1 - u * u / (1.3 * 1.3)));
        double nose = switch (index) {
            case 27 -> 0.15;
            case 28 -> 0.25;
            case 29 -> 0.4;
            case 30 -> 0.55;
            case 31, 35 -> 0.25;
            case 32, 34 -> 0.3;
            case 33 -> 0.35;
            default -> 0;
        };
        return round + nose;
    }

    public static DetectedFace face(FaceLandmarks landmarks) {
        Box b = landmarks.bounds();
        return new DetectedFace(0.99, b.pad(b.width() * 0.1, b.height() * 0.3), landmarks);
    }

    static FacePhoto photo(RgbImage image, FaceLandmarks landmarks) {
        return new FacePhoto(image, face(landmarks), CheckSettings.defaults());
    }

    /** A grey photo whose brightness at (x, y) is {@code luma}. */
    public static RgbImage grey(int width, int height, IntBinaryOperator luma) {
        byte[] p = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte v = (byte) Math.max(0, Math.min(255, luma.applyAsInt(x, y)));
                int k = (y * width + x) * 3;
                p[k] = v;
                p[k + 1] = v;
                p[k + 2] = v;
            }
        }
        return new RgbImage(width, height, p);
    }

    /**
     * Broadband texture around {@code mean}: white noise smoothed over about a pixel, as skin and
     * sensor grain look, plus gentle large-scale shading; deterministic.
     */
    static int[] texture(int width, int height, int mean, double amplitude, long seed) {
        Random random = new Random(seed);
        double[] noise = new double[width * height];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.max(0, Math.min(width - 1, x + dx));
                        int yy = Math.max(0, Math.min(height - 1, y + dy));
                        s += noise[yy * width + xx];
                        n++;
                    }
                }
                out[y * width + x] = (int) Math.round(mean + amplitude * s / Math.sqrt(n)
                        + 20 * Math.sin(x / 37.0) * Math.cos(y / 53.0));
            }
        }
        return out;
    }

    /** {@code values} box-blurred with the given radius, three times (close to a Gaussian). */
    static int[] blurred(int[] values, int width, int height, int radius) {
        double[] a = new double[values.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = values[i];
        }
        for (int pass = 0; pass < 3; pass++) {
            double[] b = new double[a.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double s = 0;
                    int n = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int xx = x + d;
                        if (xx >= 0 && xx < width) {
                            s += a[y * width + xx];
                            n++;
                        }
                    }
                    b[y * width + x] = s / n;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double s = 0;
                    int n = 0;
                    for (int d = -radius; d <= radius; d++) {
                        int yy = y + d;
                        if (yy >= 0 && yy < height) {
                            s += b[yy * width + x];
                            n++;
                        }
                    }
                    a[y * width + x] = s / n;
                }
            }
        }
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Math.round(a[i]);
        }
        return out;
    }
}
