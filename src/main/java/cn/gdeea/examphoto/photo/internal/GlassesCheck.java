package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * No glasses (不戴眼镜). A frame shows as thin lines skin does not have — closed rims around both
 * eyes ({@link LensOutlines}) and a bridge over the top of the nose — measured as line contrast
 * on a face-aligned patch ({@link LineMaps}), which eye shadows, eye bags and the brow ridge
 * hardly produce. Rimless lenses show mainly as reflections: glare on the lens and an eye washed
 * out behind it ({@link LensGlare}). Each measure is divided by its level typical with glasses
 * and the four are summed: glasses show in several at once, skin mimics one at a time.
 */
final class GlassesCheck implements PhotoCheck {

    static final String ID = "glasses";
    private static final double PPU = 64;
    private static final double U_HALF = 1.12;
    private static final double V0 = -0.5;
    private static final double V1 = 0.75;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        double score = measure(photo, frame).score(photo.settings());
        double threshold = photo.settings().get("glasses.max-evidence", 2.1);
        Box region = frame.imageBox(-1.05, -0.45, 1.05, 0.5);
        if (score <= threshold) {
            return CheckResult.passed(ID, score, threshold, region);
        }
        return CheckResult.failed(ID, score, threshold, region,
                "检测到佩戴眼镜", "Glasses detected",
                "请摘下眼镜后重新拍照", "Take off your glasses and retake the photo");
    }

    /**
     * The measures: line contrast (a fraction of the local brightness) along the best lens outline
     * pair, the bridge, the lower rims and the outer rims; the glare share of the lens area; and
     * each eye's darkest tenth over the cheek's brightness.
     */
    record Evidence(double lenses, double bridge, double rimLeft, double rimRight, double sideLeft, double sideRight,
                    double glare, double washLeft, double washRight) {

        /**
         * The sum of lenses, bridge and reflections (glare, washed-out eye). Reflections are capped
         * below the threshold: a flash burning out the eye area is not a lens unless some frame,
         * lens edge or bridge shows too.
         */
        double score(CheckSettings s) {
            double washed = Math.max(0, Math.max(washLeft, washRight) - s.get("glasses.washed-eye-from", 0.2));
            double reflections = Math.min(glare / s.get("glasses.glare-share", 0.06), s.get("glasses.glare-cap", 1.5))
                    + washed / s.get("glasses.washed-eye-span", 0.2);
            return lenses / s.get("glasses.lens-contrast", 0.15)
                    + bridge / s.get("glasses.bridge-contrast", 0.3)
                    + Math.min(reflections, s.get("glasses.reflection-cap", 1.6));
        }
    }

    static Evidence measure(FacePhoto photo, FaceFrame frame) {
        FacePatch patch = FacePatch.sample(photo.image(), frame, -U_HALF, V0, U_HALF, V1, PPU);
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
        LensGlare.Eye left = LensGlare.Eye.of(frame, 36);
        LensGlare.Eye right = LensGlare.Eye.of(frame, 42);
        double lenses = LensOutlines.bestPair(maps, patch, left.u(), left.v(), right.u(), right.v());
        LensGlare glare = new LensGlare(patch, luma, frame);
        return new Evidence(lenses, bridge, rimLeft, rimRight, sideLeft, sideRight,
                Math.max(glare.glare(left), glare.glare(right)), glare.washedEye(left), glare.washedEye(right));
    }

    private static double lowerRim(FacePatch patch, LineMaps maps, double uA, double uB, double lidV) {
        return maps.horizontalPath(patch.column(Math.min(uA, uB)), patch.column(Math.max(uA, uB)),
                patch.row(lidV + 0.06), patch.row(lidV + 0.5));
    }
}
