package cn.gdeea.examphoto.face.internal;

import cn.gdeea.examphoto.image.RgbImage;

/**
 * Turns a region of a photo into a network's square NCHW float input exactly as face-api's
 * {@code toBatchTensor} does: pad the region to a square with zeros (at the bottom/right, or
 * split around it when centred), resize with TensorFlow's bilinear rule (no corner alignment, no
 * half-pixel centres), then normalise. Parts of the region outside the photo read as zero, so a
 * face cut by the photo's edge keeps its geometry. Written out because no imaging library
 * reproduces TensorFlow's resampling rule, which the networks' accuracy depends on.
 */
public final class NetworkInput {

    /** How pixel values are normalised after resizing: {@code (v − mean[c]) / divisor + offset}. */
    record Normalisation(float[] mean, float divisor, float offset) {

        static final Normalisation SSD = new Normalisation(new float[] {0, 0, 0}, 127.5f, -1f);
        static final Normalisation FACE = new Normalisation(new float[] {122.782f, 117.001f, 104.298f}, 255f, 0f);
        /** ArcFace-style recognisers: {@code (x − 127) / 128}. */
        static final Normalisation ARCFACE = new Normalisation(new float[] {127, 127, 127}, 128f, 0f);
    }

    /** An integer region of the photo; may extend beyond it. */
    public record Region(int x, int y, int width, int height) {
    }

    private NetworkInput() {
    }

    /**
     * The region's pixels as a {@code [3, size, size]} float array.
     *
     * @param centred pad the shorter side on both sides (face crops) rather than only after it (the detector)
     */
    static float[] square(RgbImage image, Region region, boolean centred, int size, Normalisation norm) {
        int side = Math.max(region.width, region.height);
        int offsetX = 0;
        int offsetY = 0;
        if (centred) {
            int diff = Math.abs(region.width - region.height);
            int before = diff - (int) Math.floor(diff * 0.5 + 0.5);
            if (region.width < region.height) {
                offsetX = before;
            } else {
                offsetY = before;
            }
        }
        int[] rowLo = new int[size];
        int[] rowHi = new int[size];
        float[] rowFrac = new float[size];
        axis(side, size, rowLo, rowHi, rowFrac);
        float[] out = new float[3 * size * size];
        int plane = size * size;
        float[] top = new float[3];
        float[] bottom = new float[3];
        float[] a = new float[3];
        float[] b = new float[3];
        for (int oy = 0; oy < size; oy++) {
            int y0 = region.y + rowLo[oy] - offsetY;
            int y1 = region.y + rowHi[oy] - offsetY;
            boolean y0In = inside(rowLo[oy] - offsetY, region.height);
            boolean y1In = inside(rowHi[oy] - offsetY, region.height);
            for (int ox = 0; ox < size; ox++) {
                int cx0 = rowLo[ox] - offsetX;
                int cx1 = rowHi[ox] - offsetX;
                boolean x0In = inside(cx0, region.width);
                boolean x1In = inside(cx1, region.width);
                int x0 = region.x + cx0;
                int x1 = region.x + cx1;
                float fx = rowFrac[ox];
                read(image, x0, y0, x0In && y0In, a);
                read(image, x1, y0, x1In && y0In, b);
                for (int c = 0; c < 3; c++) {
                    top[c] = a[c] + (b[c] - a[c]) * fx;
                }
                read(image, x0, y1, x0In && y1In, a);
                read(image, x1, y1, x1In && y1In, b);
                for (int c = 0; c < 3; c++) {
                    bottom[c] = a[c] + (b[c] - a[c]) * fx;
                }
                int o = oy * size + ox;
                for (int c = 0; c < 3; c++) {
                    float v = top[c] + (bottom[c] - top[c]) * rowFrac[oy];
                    out[c * plane + o] = (v - norm.mean[c]) / norm.divisor + norm.offset;
                }
            }
        }
        return out;
    }

    /**
     * A {@code [3, size, size]} input sampled through a similarity transform: output pixel
     * (u, v) reads the photo at {@code (x0 + u·ux + v·vx, y0 + u·uy + v·vy)}, bilinearly; outside
     * the photo reads as zero. {@code mirror} flips the result left to right.
     */
    static float[] warp(RgbImage image, double x0, double y0, double ux, double uy, double vx, double vy,
                        int size, boolean mirror, Normalisation norm) {
        float[] out = new float[3 * size * size];
        int plane = size * size;
        float[] a = new float[3];
        float[] b = new float[3];
        float[] c = new float[3];
        float[] d = new float[3];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double sx = x0 + u * ux + v * vx;
                double sy = y0 + u * uy + v * vy;
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                float fx = (float) (sx - ix);
                float fy = (float) (sy - iy);
                read(image, ix, iy, true, a);
                read(image, ix + 1, iy, true, b);
                read(image, ix, iy + 1, true, c);
                read(image, ix + 1, iy + 1, true, d);
                int o = v * size + (mirror ? size - 1 - u : u);
                for (int ch = 0; ch < 3; ch++) {
                    float top = a[ch] + (b[ch] - a[ch]) * fx;
                    float bottom = c[ch] + (d[ch] - c[ch]) * fx;
                    float value = top + (bottom - top) * fy;
                    out[ch * plane + o] = (value - norm.mean[ch]) / norm.divisor + norm.offset;
                }
            }
        }
        return out;
    }

    /**
     * A {@code [1, size, size]} grey input (ITU-R BT.601 luma over 255) sampled through a
     * similarity transform as {@link #warp}; outside the photo reads as black.
     */
    static float[] greyWarp(RgbImage image, double x0, double y0, double ux, double uy, double vx, double vy, int size) {
        float[] rgb = warp(image, x0, y0, ux, uy, vx, vy, size, false, new Normalisation(new float[] {0, 0, 0}, 255f, 0f));
        int plane = size * size;
        float[] out = new float[plane];
        for (int i = 0; i < plane; i++) {
            out[i] = 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
        }
        return out;
    }

    /** Source indices and weights along one axis, as TensorFlow's resizeBilinear computes them. */
    private static void axis(int in, int out, int[] lo, int[] hi, float[] frac) {
        float scale = (float) in / out;
        for (int i = 0; i < out; i++) {
            float src = in == out ? i : scale * i;
            int floor = (int) Math.floor(src);
            lo[i] = floor;
            hi[i] = Math.min(in - 1, (int) Math.ceil(src));
            frac[i] = src - floor;
        }
    }

    private static boolean inside(int v, int limit) {
        return v >= 0 && v < limit;
    }

    private static void read(RgbImage image, int x, int y, boolean inRegion, float[] into) {
        if (!inRegion || x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
            into[0] = 0;
            into[1] = 0;
            into[2] = 0;
            return;
        }
        byte[] p = image.pixels();
        int i = (y * image.width() + x) * 3;
        into[0] = p[i] & 0xFF;
        into[1] = p[i + 1] & 0xFF;
        into[2] = p[i + 2] & 0xFF;
    }
}
