package cn.gdeea.examphoto.photo.internal;

/**
 * Line contrast of every pixel of a patch, for lines running across (horizontal) and down
 * (vertical) the patch: how much darker or brighter a pixel is than both pixels two or four steps
 * away on either side, as a fraction of their brightness, the largest over luma and the three
 * colour channels (a gold rim on skin differs in blue more than in brightness). A line two to
 * eight pixels thick scores its contrast; a step edge or broad shading scores little, since one
 * side of it is not brighter.
 */
final class LineMaps {

    private static final int[] HALF_WIDTHS = {2, 4};
    private static final float MIN_LEVEL = 40;

    final int width;
    final int height;
    /** Contrast of a horizontal line through each pixel (compared with the pixels above and below). */
    final float[] horizontal;
    /** Contrast of a vertical line through each pixel (compared with the pixels left and right). */
    final float[] vertical;

    private LineMaps(int width, int height) {
        this.width = width;
        this.height = height;
        this.horizontal = new float[width * height];
        this.vertical = new float[width * height];
    }

    static LineMaps of(FacePatch patch) {
        LineMaps maps = new LineMaps(patch.width, patch.height);
        for (float[] channel : new float[][] {patch.luma(), patch.red, patch.blue}) {
            maps.add(channel);
        }
        return maps;
    }

    private void add(float[] channel) {
        int w = width;
        int h = height;
        float[] alongRows = new float[w * h];
        float[] alongColumns = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int k = r * w + c;
                float centre = channel[k] * 2;
                alongRows[k] = (centre + channel[c > 0 ? k - 1 : k] + channel[c + 1 < w ? k + 1 : k]) * 0.25f;
                alongColumns[k] = (centre + channel[r > 0 ? k - w : k] + channel[r + 1 < h ? k + w : k]) * 0.25f;
            }
        }
        for (int d : HALF_WIDTHS) {
            int step = d * w;
            for (int r = d; r < h - d; r++) {
                for (int k = r * w, end = k + w; k < end; k++) {
                    float value = contrast(alongRows[k], alongRows[k - step], alongRows[k + step]);
                    if (value > horizontal[k]) {
                        horizontal[k] = value;
                    }
                }
            }
            for (int r = 0; r < h; r++) {
                for (int k = r * w + d, end = r * w + w - d; k < end; k++) {
                    float value = contrast(alongColumns[k], alongColumns[k - d], alongColumns[k + d]);
                    if (value > vertical[k]) {
                        vertical[k] = value;
                    }
                }
            }
        }
    }

    private static float contrast(float centre, float sideA, float sideB) {
        float dark = Math.min(sideA, sideB) - centre;
        float bright = centre - Math.max(sideA, sideB);
        float line = Math.max(dark, bright);
        if (!(line > 0)) {
            return 0;
        }
        return line / Math.max(MIN_LEVEL, (sideA + sideB) * 0.5f);
    }

    /**
     * Mean contrast along the best left-to-right path through columns {@code c0..c1}, rows
     * {@code r0..r1}, drifting at most one row per column: a whole line, straight or curved.
     */
    double horizontalPath(int c0, int c1, int r0, int r1) {
        int cols = c1 - c0 + 1;
        int rows = r1 - r0 + 1;
        if (cols < 3 || rows < 1) {
            return 0;
        }
        double[] previous = new double[rows];
        double[] current = new double[rows];
        for (int c = c0; c <= c1; c++) {
            for (int i = 0; i < rows; i++) {
                double best = c == c0 ? 0 : previous[i];
                if (c > c0 && i > 0) {
                    best = Math.max(best, previous[i - 1]);
                }
                if (c > c0 && i + 1 < rows) {
                    best = Math.max(best, previous[i + 1]);
                }
                current[i] = best + horizontal[(r0 + i) * width + c];
            }
            double[] t = previous;
            previous = current;
            current = t;
        }
        return max(previous) / cols;
    }

    /** The same for a top-to-bottom path through the band. */
    double verticalPath(int c0, int c1, int r0, int r1) {
        int cols = c1 - c0 + 1;
        int rows = r1 - r0 + 1;
        if (rows < 3 || cols < 1) {
            return 0;
        }
        double[] previous = new double[cols];
        double[] current = new double[cols];
        for (int r = r0; r <= r1; r++) {
            for (int i = 0; i < cols; i++) {
                double best = r == r0 ? 0 : previous[i];
                if (r > r0 && i > 0) {
                    best = Math.max(best, previous[i - 1]);
                }
                if (r > r0 && i + 1 < cols) {
                    best = Math.max(best, previous[i + 1]);
                }
                current[i] = best + vertical[r * width + c0 + i];
            }
            double[] t = previous;
            previous = current;
            current = t;
        }
        return max(previous) / rows;
    }

    private static double max(double[] values) {
        double best = 0;
        for (double v : values) {
            best = Math.max(best, v);
        }
        return best;
    }
}
