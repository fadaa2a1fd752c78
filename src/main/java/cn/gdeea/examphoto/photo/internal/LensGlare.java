package cn.gdeea.examphoto.photo.internal;

import java.util.Arrays;

/**
 * Reflections on spectacle lenses, the tell of rimless glasses: a window or lamp mirrored in the
 * lens is much brighter and greyer than the skin under it, and where it lies over the eye the
 * pupil and iris — normally the darkest part of a face — wash out. Both are compared with the
 * cheek just below the lens, in the same light.
 */
final class LensGlare {

    /** Glare is brighter than the cheek's median by this share of the way to white... */
    private static final float BRIGHTER = 0.25f;
    /** ...and has less than this share of the cheek's saturation. */
    private static final float GREYER = 0.5f;
    /** Over the eye (whose white is bright and grey) it must also outshine the cheek's highlights by this. */
    private static final float OVER_EYE = 15;
    /** In a photo without colour, glare is at least this bright (luma). */
    private static final float GREY_PHOTO_MIN = 190;

    /** One eye: its centre and half-size in face units. */
    record Eye(double u, double v, double halfWidth, double halfHeight) {

        static Eye of(FaceFrame frame, int first) {
            double u = 0;
            double v = 0;
            double top = Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (int i = first; i < first + 6; i++) {
                u += frame.u(i) / 6;
                v += frame.v(i) / 6;
                top = Math.min(top, frame.v(i));
                bottom = Math.max(bottom, frame.v(i));
            }
            double halfWidth = Math.abs(frame.u(first + 3) - frame.u(first)) / 2;
            return new Eye(u, v, halfWidth, Math.max(0.03, (bottom - top) / 2));
        }

        boolean contains(double pu, double pv) {
            double du = (pu - u) / halfWidth;
            double dv = (pv - v) / halfHeight;
            return du * du + dv * dv <= 1;
        }
    }

    private final FacePatch patch;
    private final float[] luma;
    private final double faceLeft;
    private final double faceRight;

    LensGlare(FacePatch patch, float[] luma, FaceFrame frame) {
        this.patch = patch;
        this.luma = luma;
        // The face outline at eye height (jaw points 0–1 and 15–16): beyond it is hair or wall.
        this.faceLeft = Math.max(frame.u(0), frame.u(1));
        this.faceRight = Math.min(frame.u(16), frame.u(15));
    }

    /** Share of the lens area around {@code eye} (within the face outline) that glare washes out. */
    double glare(Eye eye) {
        Cheek cheek = cheek(eye);
        boolean colour = cheek.saturation() > 0.08f;
        float brighter = cheek.median() + BRIGHTER * (255 - cheek.median());
        float greyer = cheek.saturation() * GREYER;
        float overEye = cheek.highlight() + OVER_EYE;
        int c0 = patch.column(Math.max(eye.u() - 0.42, faceLeft + 0.06));
        int c1 = patch.column(Math.min(eye.u() + 0.42, faceRight - 0.06));
        int n = 0;
        int washed = 0;
        for (int r = patch.row(eye.v() - 0.28); r <= patch.row(eye.v() + 0.34); r++) {
            double v = patch.v0 + (r + 0.5) / patch.pixelsPerUnit;
            for (int c = c0; c <= c1; c++) {
                int k = r * patch.width + c;
                if (Float.isNaN(luma[k])) {
                    continue;
                }
                n++;
                boolean inEye = eye.contains(patch.u0 + (c + 0.5) / patch.pixelsPerUnit, v);
                float limit = colour ? brighter : Math.max(GREY_PHOTO_MIN, cheek.highlight() + 20);
                if (inEye) {
                    limit = Math.max(limit, overEye);
                }
                if (luma[k] > limit && (!colour || saturation(k) < greyer)) {
                    washed++;
                }
            }
        }
        return n == 0 ? 0 : (double) washed / n;
    }

    /** The eye's 10th-percentile luma (pupil, iris, lashes) over the cheek's median. */
    double washedEye(Eye eye) {
        float[] values = new float[patch.width * patch.height];
        int n = 0;
        for (int r = patch.row(eye.v() - eye.halfHeight()); r <= patch.row(eye.v() + eye.halfHeight()); r++) {
            double v = patch.v0 + (r + 0.5) / patch.pixelsPerUnit;
            for (int c = patch.column(eye.u() - eye.halfWidth()); c <= patch.column(eye.u() + eye.halfWidth()); c++) {
                float y = luma[r * patch.width + c];
                if (!Float.isNaN(y) && eye.contains(patch.u0 + (c + 0.5) / patch.pixelsPerUnit, v)) {
                    values[n++] = y;
                }
            }
        }
        if (n < 4) {
            return 0;
        }
        Arrays.sort(values, 0, n);
        return values[n / 10] / Math.max(20f, cheek(eye).median());
    }

    private record Cheek(float median, float saturation, float highlight) {
    }

    /** The cheek under the eye, below any lens: median luma and saturation, 90th-percentile luma. */
    private Cheek cheek(Eye eye) {
        int c0 = patch.column(eye.u() - 0.3);
        int c1 = patch.column(eye.u() + 0.3);
        int r0 = patch.row(eye.v() + 0.45);
        int r1 = patch.row(eye.v() + 0.7);
        float[] l = new float[(c1 - c0 + 1) * (r1 - r0 + 1)];
        float[] sat = new float[l.length];
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int k = r * patch.width + c;
                if (!Float.isNaN(luma[k])) {
                    l[n] = luma[k];
                    sat[n] = saturation(k);
                    n++;
                }
            }
        }
        if (n == 0) {
            return new Cheek(255, 0, 255);
        }
        Arrays.sort(l, 0, n);
        Arrays.sort(sat, 0, n);
        return new Cheek(l[n / 2], sat[n / 2], l[n * 9 / 10]);
    }

    private float saturation(int k) {
        float max = Math.max(patch.red[k], Math.max(patch.green[k], patch.blue[k]));
        float min = Math.min(patch.red[k], Math.min(patch.green[k], patch.blue[k]));
        return max <= 0 ? 0 : (max - min) / max;
    }
}
