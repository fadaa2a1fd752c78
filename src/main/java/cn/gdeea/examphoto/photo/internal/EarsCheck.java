package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * Both ears visible (双耳露出). Seen from the front an ear sticks out beyond the face's outline,
 * between the eyes' height and the nose's, however close to the head it lies. A strip just
 * outside the jaw-line landmarks there is sorted into skin (the ear, {@link SkinTone} in shade),
 * wall (the {@link Backdrop}: nothing in front of it) and anything else — hair hanging over the
 * ear. The value is the share of the strip that is neither, on the worse side.
 */
final class EarsCheck implements PhotoCheck {

    static final String ID = "ears";
    private static final double PPU = 40;
    private static final double V_TOP = 0.05;
    private static final double V_BOTTOM = 0.75;
    /** The strip starts this far outside the face outline and is this wide, in eye distances. */
    private static final double GAP = 0.03;
    private static final double WIDTH = 0.3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        double[] covered = covered(photo, frame, photo.settings());
        double threshold = photo.settings().get("ears.max-covered", 0.8);
        int worse = covered[0] >= covered[1] ? -1 : 1;
        double value = Math.max(covered[0], covered[1]);
        Box region = strip(frame, worse);
        if (value <= threshold) {
            return CheckResult.passed(ID, value, threshold, region);
        }
        return CheckResult.failed(ID, value, threshold, region,
                "耳朵被头发遮挡", "An ear is covered by hair",
                "请把头发拨到耳后，露出双耳后重新拍照", "Tuck your hair behind your ears so that both ears show, and retake the photo");
    }

    /** Share of the strip beside the face that is neither skin nor wall: {image left, image right}. */
    static double[] covered(FacePhoto photo, FaceFrame frame, CheckSettings s) {
        SkinTone skin = SkinTone.of(photo.image(), frame);
        Backdrop backdrop = Backdrop.of(photo);
        double minLightness = s.get("ears.skin-min-lightness", 0.32);
        double yellower = s.get("ears.skin-max-yellower", 15);
        double wallDeltaE = s.get("ears.wall-delta-e", 12);
        double[] out = new double[2];
        for (int side = 0; side < 2; side++) {
            double u0 = stripStart(frame, side == 0 ? -1 : 1);
            FacePatch strip = FacePatch.sample(photo.image(), frame, u0, V_TOP, u0 + WIDTH, V_BOTTOM, PPU);
            Lab[] lab = SkinTone.labs(strip);
            int other = 0;
            int total = 0;
            for (int r = 0; r < strip.height; r++) {
                double v = strip.v0 + (r + 0.5) / PPU;
                for (int c = 0; c < strip.width; c++) {
                    Lab colour = lab[r * strip.width + c];
                    if (colour == null) {
                        continue;
                    }
                    total++;
                    double u = strip.u0 + (c + 0.5) / PPU;
                    boolean wall = !backdrop.isEmpty()
                            && colour.distance(backdrop.expected(frame.x(u, v), frame.y(u, v))) <= wallDeltaE;
                    if (!wall && !skin.isShadedSkin(colour, minLightness, 40, yellower)) {
                        other++;
                    }
                }
            }
            out[side] = total == 0 ? 0 : (double) other / total;
        }
        return out;
    }

    /** Where the strip starts on one side (−1: image left): outside jaw points 0–2 or 16–14. */
    private static double stripStart(FaceFrame frame, int sign) {
        if (sign < 0) {
            double edge = Math.min(frame.u(0), Math.min(frame.u(1), frame.u(2)));
            return edge - GAP - WIDTH;
        }
        return Math.max(frame.u(16), Math.max(frame.u(15), frame.u(14))) + GAP;
    }

    private static Box strip(FaceFrame frame, int sign) {
        double u0 = stripStart(frame, sign);
        return frame.imageBox(u0, V_TOP, u0 + WIDTH, V_BOTTOM);
    }
}
