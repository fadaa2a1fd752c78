package cn.gdeea.examphoto.photo.evaluation;

import java.util.Random;

/** Smooth value noise in −1…1 with features about {@code scale} pixels across (two octaves). */
final class Noise {

    private Noise() {
    }

    static float[] field(int w, int h, double scale, Random r) {
        float[] out = new float[w * h];
        add(out, w, h, Math.max(2, scale), 0.7f, r);
        add(out, w, h, Math.max(1.5, scale / 2.5), 0.3f, r);
        return out;
    }

    private static void add(float[] out, int w, int h, double scale, float weight, Random r) {
        int gw = (int) Math.ceil(w / scale) + 2;
        int gh = (int) Math.ceil(h / scale) + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = r.nextFloat() * 2 - 1;
        }
        for (int y = 0; y < h; y++) {
            double gy = y / scale;
            int y0 = (int) gy;
            double fy = smooth(gy - y0);
            for (int x = 0; x < w; x++) {
                double gx = x / scale;
                int x0 = (int) gx;
                double fx = smooth(gx - x0);
                double top = grid[y0 * gw + x0] * (1 - fx) + grid[y0 * gw + x0 + 1] * fx;
                double bottom = grid[(y0 + 1) * gw + x0] * (1 - fx) + grid[(y0 + 1) * gw + x0 + 1] * fx;
                out[y * w + x] += (float) ((top * (1 - fy) + bottom * fy) * weight);
            }
        }
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
