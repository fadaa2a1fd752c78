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
    private static final int PERCENTILE_INDEX = POINTS * 3 / 10;
    private static final double[] OUTWARD = {0.0, 0.04};
    private static final double[] DOWN = {0.0, 0.05, 0.1};
    private static final double[] HALF_WIDTHS = {0.32, 0.36, 0.40, 0.44, 0.48};
    private static final double[] HALF_HEIGHTS = {0.2, 0.25, 0.3, 0.35};
    private static final double[] EXPONENTS = {2, 4, 8};

    static String MODE = System.getProperty("lensMode", "arcs");
    static int TOL = Integer.getInteger("lensTol", 1);

    private LensOutlines() {
    }

    /** The best mean of the two eyes' outline percentiles, over all the shapes tried. */
    static double bestPair(LineMaps maps, FacePatch patch, double leftU, double leftV, double rightU, double rightV) {
        double best = 0;
        float[] support = new float[POINTS];
        for (double exponent : EXPONENTS) {
            for (double hw : HALF_WIDTHS) {
                for (double hh : HALF_HEIGHTS) {
                    for (double out : OUTWARD) {
                        for (double down : DOWN) {
                            double left = outline(maps, patch, leftU - out, leftV + down, hw, hh, exponent, support);
                            double right = outline(maps, patch, rightU + out, rightV + down, hw, hh, exponent, support);
                            best = Math.max(best, (left + right) / 2);
                        }
                    }
                }
            }
        }
        return best;
    }

    private static double outline(LineMaps maps, FacePatch patch, double cu, double cv, double hw, double hh,
                                  double exponent, float[] support) {
        double power = 2 / exponent;
        for (int i = 0; i < POINTS; i++) {
            double t = 2 * Math.PI * i / POINTS;
            double cos = Math.cos(t);
            double sin = Math.sin(t);
            double x = Math.signum(cos) * Math.pow(Math.abs(cos), power);
            double y = Math.signum(sin) * Math.pow(Math.abs(sin), power);
            double u = cu + hw * x;
            double v = cv + hh * y;
            // The normal of |x|^n + |y|^n = 1 points along (|x|^(n-1) sgn x / hw, |y|^(n-1) sgn y / hh).
            double nu = Math.signum(x) * Math.pow(Math.abs(x), exponent - 1) / hw;
            double nv = Math.signum(y) * Math.pow(Math.abs(y), exponent - 1) / hh;
            boolean acrossRows = Math.abs(nv) >= Math.abs(nu);
            float[] map = acrossRows ? maps.horizontal : maps.vertical;
            int c = (int) Math.floor((u - patch.u0) * patch.pixelsPerUnit);
            int r = (int) Math.floor((v - patch.v0) * patch.pixelsPerUnit);
            float value = 0;
            for (int s = -TOL; s <= TOL; s++) {
                int cc = acrossRows ? c : c + s;
                int rr = acrossRows ? r + s : r;
                if (cc >= 0 && rr >= 0 && cc < maps.width && rr < maps.height) {
                    value = Math.max(value, map[rr * maps.width + cc]);
                }
            }
            support[i] = value;
        }
        if (MODE.equals("p30")) {
            Arrays.sort(support);
            return support[PERCENTILE_INDEX];
        }
        // Four arcs centred on the outline's right, bottom, left and top; the weakest decides.
        double weakest = Double.MAX_VALUE;
        float[] arc = new float[POINTS / 4];
        for (int a = 0; a < (MODE.equals("arcs3") ? 3 : 4); a++) {
            for (int j = 0; j < arc.length; j++) {
                arc[j] = support[Math.floorMod(a * arc.length + j - arc.length / 2, POINTS)];
            }
            Arrays.sort(arc);
            weakest = Math.min(weakest, arc[arc.length / 2]);
        }
        return weakest;
    }
}
