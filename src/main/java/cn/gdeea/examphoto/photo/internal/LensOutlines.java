package cn.gdeea.examphoto.photo.internal;

import java.util.Arrays;

/**
 * Looks for a pair of spectacle rims: closed outlines around both eyes, mirror images of each
 * other. Lens shapes from oval to rounded rectangle, of the usual sizes and positions, are tried;
 * each scores the line contrast found along its outline. A rim runs all the way round, so the
 * score is a low percentile along the outline: eyebrows, eye bags or creases line up with a part
 * of an outline at most.
 */
final class LensOutlines {

    private static final int POINTS = 48;
    private static final double[] OUTWARD = {0.0, 0.04};
    private static final double[] DOWN = {0.0, 0.05, 0.1};
    private static final double[] HALF_WIDTHS = {0.32, 0.36, 0.40, 0.44, 0.48};
    private static final double[] HALF_HEIGHTS = {0.2, 0.25, 0.3, 0.35};
    private static final double[] EXPONENTS = {2, 4, 8};

    private LensOutlines() {
    }

    /** The best mean of the two eyes' outline percentiles, over all the shapes tried. */
    static double bestPair(LineMaps maps, FacePatch patch, double leftU, double leftV, double rightU, double rightV) {
        double best = 0;
        float[] support = new float[POINTS];
        for (int shape = 0; shape < EXPONENTS.length; shape++) {
            for (double hw : HALF_WIDTHS) {
                for (double hh : HALF_HEIGHTS) {
                    for (double out : OUTWARD) {
                        for (double down : DOWN) {
                            double left = outline(maps, patch, leftU - out, leftV + down, hw, hh, shape, support);
                            double right = outline(maps, patch, rightU + out, rightV + down, hw, hh, shape, support);
                            best = Math.max(best, (left + right) / 2);
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Outline points of the unit superellipse of each exponent: x, y and the normal's unscaled parts. */
    private static final double[][][] SHAPES = new double[EXPONENTS.length][4][POINTS];

    static {
        for (int e = 0; e < EXPONENTS.length; e++) {
            double exponent = EXPONENTS[e];
            for (int i = 0; i < POINTS; i++) {
                double t = 2 * Math.PI * i / POINTS;
                double x = Math.signum(Math.cos(t)) * Math.pow(Math.abs(Math.cos(t)), 2 / exponent);
                double y = Math.signum(Math.sin(t)) * Math.pow(Math.abs(Math.sin(t)), 2 / exponent);
                SHAPES[e][0][i] = x;
                SHAPES[e][1][i] = y;
                // The normal of |x|^n + |y|^n = 1 points along (|x|^(n-1) sgn x / hw, |y|^(n-1) sgn y / hh).
                SHAPES[e][2][i] = Math.signum(x) * Math.pow(Math.abs(x), exponent - 1);
                SHAPES[e][3][i] = Math.signum(y) * Math.pow(Math.abs(y), exponent - 1);
            }
        }
    }

    private static double outline(LineMaps maps, FacePatch patch, double cu, double cv, double hw, double hh,
                                  int shape, float[] support) {
        double[][] unit = SHAPES[shape];
        for (int i = 0; i < POINTS; i++) {
            double u = cu + hw * unit[0][i];
            double v = cv + hh * unit[1][i];
            boolean acrossRows = Math.abs(unit[3][i] / hh) >= Math.abs(unit[2][i] / hw);
            float[] map = acrossRows ? maps.horizontal : maps.vertical;
            int c = (int) Math.floor((u - patch.u0) * patch.pixelsPerUnit);
            int r = (int) Math.floor((v - patch.v0) * patch.pixelsPerUnit);
            float value = 0;
            for (int s = -1; s <= 1; s++) {
                int cc = acrossRows ? c : c + s;
                int rr = acrossRows ? r + s : r;
                if (cc >= 0 && rr >= 0 && cc < maps.width && rr < maps.height) {
                    value = Math.max(value, map[rr * maps.width + cc]);
                }
            }
            support[i] = value;
        }
        // Four arcs centred on the outline's right, bottom, left and top; the weakest decides.
        double weakest = Double.MAX_VALUE;
        float[] arc = new float[POINTS / 4];
        for (int a = 0; a < 4; a++) {
            for (int j = 0; j < arc.length; j++) {
                arc[j] = support[Math.floorMod(a * arc.length + j - arc.length / 2, POINTS)];
            }
            Arrays.sort(arc);
            weakest = Math.min(weakest, arc[arc.length / 2]);
        }
        return weakest;
    }
}
