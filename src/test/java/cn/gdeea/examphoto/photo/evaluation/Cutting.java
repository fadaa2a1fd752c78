package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.image.RgbImage;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.function.IntPredicate;

/** Pixel work behind {@link HeadCutout}: resampling, colour clustering and mask clean-up. */
final class Cutting {

    private static final int CLUSTERS = 8;
    private static final int SAMPLES = 4000;

    private Cutting() {
    }

    /** The photo seen through {@code axes}, upright, at {@code ppu} pixels per unit; NaN off the photo. */
    static float[] resample(RgbImage photo, FaceAxes axes, double u0, double v0, double ppu, int w, int h) {
        float[] out = new float[w * h * 3];
        double step = axes.unit() / ppu;
        int taps = (int) Math.max(1, Math.min(4, Math.round(step)));
        byte[] p = photo.pixels();
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double x = axes.x(u0 + (i + 0.5) / ppu, v0 + (j + 0.5) / ppu);
                double y = axes.y(u0 + (i + 0.5) / ppu, v0 + (j + 0.5) / ppu);
                int k = (j * w + i) * 3;
                int r = 0;
                int g = 0;
                int b = 0;
                boolean inside = true;
                for (int ty = 0; ty < taps && inside; ty++) {
                    for (int tx = 0; tx < taps; tx++) {
                        int sx = (int) Math.floor(x + ((tx + 0.5) / taps - 0.5) * step);
                        int sy = (int) Math.floor(y + ((ty + 0.5) / taps - 0.5) * step);
                        if (sx < 0 || sy < 0 || sx >= photo.width() || sy >= photo.height()) {
                            inside = false;
                            break;
                        }
                        int s = (sy * photo.width() + sx) * 3;
                        r += p[s] & 0xFF;
                        g += p[s + 1] & 0xFF;
                        b += p[s + 2] & 0xFF;
                    }
                }
                float n = taps * taps;
                out[k] = inside ? r / n : Float.NaN;
                out[k + 1] = inside ? g / n : Float.NaN;
                out[k + 2] = inside ? b / n : Float.NaN;
            }
        }
        return out;
    }

    /** k-means colour centres of the pixels {@code chosen} picks; null when too few are seen. */
    static float[][] centres(float[] rgb, int width, IntPredicate chosen, Random random) {
        int n = rgb.length / 3;
        int[] picked = new int[SAMPLES];
        int count = 0;
        int seen = 0;
        for (int k = 0; k < n; k++) {
            if (!chosen.test(k) || Float.isNaN(rgb[k * 3])) {
                continue;
            }
            seen++;
            if (count < SAMPLES) {
                picked[count++] = k;
            } else {
                int r = random.nextInt(seen);
                if (r < SAMPLES) {
                    picked[r] = k;
                }
            }
        }
        if (count < 200) {
            return null;
        }
        float[][] c = new float[CLUSTERS][];
        for (int i = 0; i < CLUSTERS; i++) {
            int k = picked[random.nextInt(count)];
            c[i] = new float[] {rgb[k * 3], rgb[k * 3 + 1], rgb[k * 3 + 2]};
        }
        for (int iteration = 0; iteration < 10; iteration++) {
            double[][] sum = new double[CLUSTERS][4];
            for (int s = 0; s < count; s++) {
                int k = picked[s];
                int best = nearestIndex(rgb, k, c);
                sum[best][0] += rgb[k * 3];
                sum[best][1] += rgb[k * 3 + 1];
                sum[best][2] += rgb[k * 3 + 2];
                sum[best][3]++;
            }
            for (int i = 0; i < CLUSTERS; i++) {
                if (sum[i][3] > 0) {
                    c[i] = new float[] {(float) (sum[i][0] / sum[i][3]), (float) (sum[i][1] / sum[i][3]),
                            (float) (sum[i][2] / sum[i][3])};
                }
            }
        }
        return c;
    }

    static double nearest(float[] rgb, int k, float[][] centres) {
        return distance(rgb, k, centres[nearestIndex(rgb, k, centres)]);
    }

    private static int nearestIndex(float[] rgb, int k, float[][] centres) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < centres.length; i++) {
            double d = distance(rgb, k, centres[i]);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Luma difference plus a heavier weight on hue, which separates hair from walls better. */
    private static double distance(float[] rgb, int k, float[] c) {
        double dr = rgb[k * 3] - c[0];
        double dg = rgb[k * 3 + 1] - c[1];
        double db = rgb[k * 3 + 2] - c[2];
        double dl = 0.3 * dr + 0.59 * dg + 0.11 * db;
        return dl * dl + 0.7 * ((dr - dg) * (dr - dg) + (db - dg) * (db - dg));
    }

    /** Keeps only person pixels connected to the certain core (drops stray background specks). */
    static void keepConnected(boolean[] person, byte[] core, int w, int h) {
        boolean[] reached = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < w * h; k++) {
            if (core[k] != 0 && person[k]) {
                reached[k] = true;
                queue.add(k);
            }
        }
        flood(person, reached, queue, w, h);
        System.arraycopy(reached, 0, person, 0, person.length);
    }

    /** Marks as person every background pocket that does not reach the top or the sides. */
    static void fillHoles(boolean[] person, int w, int h) {
        boolean[] background = new boolean[w * h];
        boolean[] outside = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < w * h; k++) {
            background[k] = !person[k];
            int x = k % w;
            if ((x == 0 || k < w || x == w - 1) && background[k]) {
                outside[k] = true;
                queue.add(k);
            }
        }
        flood(background, outside, queue, w, h);
        for (int k = 0; k < w * h; k++) {
            person[k] = !outside[k];
        }
    }

    private static void flood(boolean[] allowed, boolean[] reached, ArrayDeque<Integer> queue, int w, int h) {
        while (!queue.isEmpty()) {
            int k = queue.poll();
            int x = k % w;
            int y = k / w;
            if (x > 0) {
                visit(k - 1, allowed, reached, queue);
            }
            if (x < w - 1) {
                visit(k + 1, allowed, reached, queue);
            }
            if (y > 0) {
                visit(k - w, allowed, reached, queue);
            }
            if (y < h - 1) {
                visit(k + w, allowed, reached, queue);
            }
        }
    }

    private static void visit(int n, boolean[] allowed, boolean[] reached, ArrayDeque<Integer> queue) {
        if (allowed[n] && !reached[n]) {
            reached[n] = true;
            queue.add(n);
        }
    }
}
