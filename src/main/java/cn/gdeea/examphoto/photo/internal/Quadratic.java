package cn.gdeea.examphoto.photo.internal;

import java.util.List;

/**
 * Least-squares fit of a quadratic surface c0 + c1 x + c2 y + c3 x² + c4 xy + c5 y² to one colour
 * channel of wall samples (x, y in 0–1): light falling off across a wall and lens vignetting are
 * both this smooth, clutter is not. Six unknowns, solved directly.
 */
final class Quadratic {

    private static final int TERMS = 6;

    private Quadratic() {
    }

    static double[] fit(List<Backdrop.Block> blocks, int channel, double width, double height) {
        double[][] normal = new double[TERMS][TERMS + 1];
        double[] t = new double[TERMS];
        for (Backdrop.Block b : blocks) {
            terms(b.x() / width, b.y() / height, t);
            Lab c = b.colour();
            double value = channel == 0 ? c.l() : channel == 1 ? c.a() : c.b();
            for (int i = 0; i < TERMS; i++) {
                for (int j = 0; j < TERMS; j++) {
                    normal[i][j] += t[i] * t[j];
                }
                normal[i][TERMS] += t[i] * value;
            }
        }
        // A little ridge keeps the fit defined when the samples lie on a line or in one corner.
        for (int i = 1; i < TERMS; i++) {
            normal[i][i] += 1e-3 * blocks.size();
        }
        return solve(normal);
    }

    static double value(double[] coefficients, double x, double y) {
        double[] t = new double[TERMS];
        terms(x, y, t);
        double v = 0;
        for (int i = 0; i < TERMS; i++) {
            v += coefficients[i] * t[i];
        }
        return v;
    }

    private static void terms(double x, double y, double[] t) {
        t[0] = 1;
        t[1] = x;
        t[2] = y;
        t[3] = x * x;
        t[4] = x * y;
        t[5] = y * y;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[col][col]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
