package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.photo.CheckResult;
import java.util.Arrays;

/**
 * No glasses (不戴眼镜). A frame shows as thin lines that skin does not have: the bridge across the
 * top of the nose between the eyes, the lower rims under the eyes and the outer rims beside them;
 * rimless lenses give themselves away by glare. Each is measured as a line contrast on a
 * face-aligned patch — the darkening (or brightening) of a line against the skin a few pixels
 * either side of it — which smooth shading such as eye shadows and the brow ridge hardly
 * produces. The evidence is each measure over its threshold; the largest decides.
 */
final class GlassesCheck implements PhotoCheck {

    static final String ID = "glasses";
    private static final double PPU = 64;
    private static final double U0 = -1.3;
    private static final double V0 = -0.8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = FaceFrame.of(photo.face().landmarks());
        Evidence e = measure(photo, frame);
        double score = e.score(photo.settings());
        double threshold = photo.settings().get("glasses.max-evidence", 1.0);
        Box region = frame.imageBox(-1.05, -0.45, 1.05, 0.5);
        if (score <= threshold) {
            return CheckResult.passed(ID, score, threshold, region);
        }
        return CheckResult.failed(ID, score, threshold, region,
                "检测到佩戴眼镜，请摘下眼镜后重新拍照",
                "Glasses detected: take off your glasses and retake the photo");
    }

    /** The four line and glare measures, each a fraction of the local skin brightness. */
    record Evidence(double bridge, double rimLeft, double rimRight, double sideLeft, double sideRight, double lenses, double glare) {

        double score(cn.gdeea.examphoto.photo.CheckSettings settings) {
            return 0;
        }
    }

    static Evidence measure(FacePhoto photo, FaceFrame frame) {
        FacePatch patch = FacePatch.sample(photo.image(), frame, U0, V0, 1.3, 0.7, PPU);
        float[] luma = patch.luma();
        LineMaps maps = LineMaps.of(patch);
        double browV = Math.max(frame.v(21), frame.v(22));
        double bridgeHalf = Math.max(0.1, (frame.u(42) - frame.u(39)) / 2 - 0.08);
        double bridge = maps.horizontalPath(patch.column(-bridgeHalf), patch.column(bridgeHalf),
                patch.row(browV + 0.1), patch.row(0.15));
        double rimLeft = lowerRim(patch, maps, frame.u(36), frame.u(39), Math.max(frame.v(40), frame.v(41)));
        double rimRight = lowerRim(patch, maps, frame.u(42), frame.u(45), Math.max(frame.v(46), frame.v(47)));
        double sideLeft = maps.verticalPath(patch.column(Math.max(frame.u(36) - 0.3, frame.u(0) + 0.08)),
                patch.column(frame.u(36) - 0.04), patch.row(-0.2), patch.row(0.25));
        double sideRight = maps.verticalPath(patch.column(frame.u(45) + 0.04),
                patch.column(Math.min(frame.u(45) + 0.3, frame.u(16) - 0.08)), patch.row(-0.2), patch.row(0.25));
        double lenses = LensOutlines.bestPair(maps, patch, eyeU(frame, 36), eyeV(frame, 36), eyeU(frame, 42), eyeV(frame, 42));
        double glare = Math.max(glare(patch, luma, frame, 36), glare(patch, luma, frame, 42));
        return new Evidence(bridge, rimLeft, rimRight, sideLeft, sideRight, lenses, glare);
    }

    private static double eyeU(FaceFrame frame, int first) {
        double sum = 0;
        for (int i = first; i < first + 6; i++) {
            sum += frame.u(i);
        }
        return sum / 6;
    }

    private static double eyeV(FaceFrame frame, int first) {
        double sum = 0;
        for (int i = first; i < first + 6; i++) {
            sum += frame.v(i);
        }
        return sum / 6;
    }

    private static double lowerRim(FacePatch patch, LineMaps maps, double uA, double uB, double lidV) {
        return maps.horizontalPath(patch.column(Math.min(uA, uB)), patch.column(Math.max(uA, uB)),
                patch.row(lidV + 0.06), patch.row(lidV + 0.5));
    }

    /**
     * Fraction of the lens area around one eye that a reflection washes out: much brighter and
     * much greyer than the skin of the cheek below the lens. Skin shine stays skin-coloured; the
     * eye's own white is left out.
     */
    private static double glare(FacePatch patch, float[] luma, FaceFrame frame, int firstEyePoint) {
        double cu = eyeU(frame, firstEyePoint);
        double cv = eyeV(frame, firstEyePoint);
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int i = firstEyePoint; i < firstEyePoint + 6; i++) {
            top = Math.min(top, frame.v(i));
            bottom = Math.max(bottom, frame.v(i));
        }
        double halfWidth = Math.abs(frame.u(firstEyePoint + 3) - frame.u(firstEyePoint)) / 2 + EYE_MARGIN;
        double halfHeight = (bottom - top) / 2 + EYE_MARGIN;
        float[] cheek = cheekStats(patch, luma, cu, cv);
        float lumaLimit = cheek[0] + GLARE_MARGIN * (255 - cheek[0]);
        float satLimit = cheek[1] * GLARE_GREY;
        boolean colour = cheek[1] > 0.08f;
        float greyLumaLimit = Math.max(GLARE_MIN, cheek[2] + 20);
        int c0 = patch.column(Math.max(cu - 0.42, faceLeft(frame) + 0.06));
        int c1 = patch.column(Math.min(cu + 0.42, faceRight(frame) - 0.06));
        int r0 = patch.row(cv - 0.28);
        int r1 = patch.row(cv + 0.34);
        int n = 0;
        int bright = 0;
        for (int r = r0; r <= r1; r++) {
            double dv = (patch.v0 + (r + 0.5) / PPU - cv) / halfHeight;
            for (int c = c0; c <= c1; c++) {
                double du = (patch.u0 + (c + 0.5) / PPU - cu) / halfWidth;
                int k = r * patch.width + c;
                if (Float.isNaN(luma[k])) {
                    continue;
                }
                boolean inEye = du * du + dv * dv <= 1;
                if (inEye && !IN_EYE) {
                    continue;
                }
                n++;
                float limit = inEye ? Math.max(lumaLimit, cheek[2] + EYE_EXTRA) : lumaLimit;
                boolean washed = colour ? luma[k] > limit && saturation(patch, k) < satLimit
                        : luma[k] > (inEye ? Math.max(greyLumaLimit, cheek[2] + EYE_EXTRA) : greyLumaLimit);
                if (washed) {
                    bright++;
                    if (debugMask != null) {
                        debugMask[k] = 1;
                    }
                }
            }
        }
        return n == 0 ? 0 : (double) bright / n;
    }

    /** The face contour's u at eye height, on the image's left: jaw points 0 and 1. */
    private static double faceLeft(FaceFrame frame) {
        return Math.max(frame.u(0), frame.u(1));
    }

    private static double faceRight(FaceFrame frame) {
        return Math.min(frame.u(16), frame.u(15));
    }

    static float GLARE_MIN = Float.parseFloat(System.getProperty("glareMin", "190"));
    static float GLARE_MARGIN = Float.parseFloat(System.getProperty("glareMargin", "0.25"));
    static float GLARE_GREY = Float.parseFloat(System.getProperty("glareGrey", "0.5"));
    static boolean IN_EYE = Boolean.parseBoolean(System.getProperty("inEye", "true"));
    static float EYE_EXTRA = Float.parseFloat(System.getProperty("eyeExtra", "15"));
    static double EYE_MARGIN = Double.parseDouble(System.getProperty("eyeMargin", "0.0"));

    /** Median luma, median saturation and 90th-percentile luma of the cheek under the eye. */
    private static float[] cheekStats(FacePatch patch, float[] luma, double cu, double cv) {
        int c0 = patch.column(cu - 0.3);
        int c1 = patch.column(cu + 0.3);
        int r0 = patch.row(cv + 0.45);
        int r1 = patch.row(cv + 0.7);
        float[] l = new float[(c1 - c0 + 1) * (r1 - r0 + 1)];
        float[] sat = new float[l.length];
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int k = r * patch.width + c;
                if (!Float.isNaN(luma[k])) {
                    l[n] = luma[k];
                    sat[n] = saturation(patch, k);
                    n++;
                }
            }
        }
        if (n == 0) {
            return new float[] {255, 0, 255};
        }
        Arrays.sort(l, 0, n);
        Arrays.sort(sat, 0, n);
        return new float[] {l[n / 2], sat[n / 2], l[n * 9 / 10]};
    }

    private static float saturation(FacePatch patch, int k) {
        float max = Math.max(patch.red[k], Math.max(patch.green[k], patch.blue[k]));
        float min = Math.min(patch.red[k], Math.min(patch.green[k], patch.blue[k]));
        return max <= 0 ? 0 : (max - min) / max;
    }

    static float[] glareMask(FacePatch patch, float[] luma, FaceFrame frame) {
        float[] mask = new float[luma.length];
        debugMask = mask;
        glare(patch, luma, frame, 36);
        glare(patch, luma, frame, 42);
        debugMask = null;
        return mask;
    }

    static float[] debugMask;

}
