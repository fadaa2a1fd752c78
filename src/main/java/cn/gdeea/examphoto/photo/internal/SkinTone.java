package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.image.RgbImage;
import java.util.Arrays;

/**
 * The candidate's own skin colour, from both cheeks under the eyes (rarely covered, rarely
 * bearded that high; the nose between them left out), so that "is this skin?" is asked of this
 * face in this light rather than of a fixed skin range.
 */
final class SkinTone {

    /** Lightness below the cheeks' from which skin counts as in shade. */
    private static final double SHADE = 15;

    private final Lab median;

    SkinTone(Lab median) {
        this.median = median;
    }

    static SkinTone of(RgbImage image, FaceFrame frame) {
        FacePatch cheeks = FacePatch.sample(image, frame, -0.55, 0.3, 0.55, 0.6, 24);
        int noseFrom = cheeks.column(-0.2);
        int noseTo = cheeks.column(0.2);
        Lab[] lab = labs(cheeks);
        double[][] channels = new double[3][lab.length];
        int n = 0;
        for (int k = 0; k < lab.length; k++) {
            int c = k % cheeks.width;
            if (lab[k] != null && (c < noseFrom || c > noseTo)) {
                channels[0][n] = lab[k].l();
                channels[1][n] = lab[k].a();
                channels[2][n] = lab[k].b();
                n++;
            }
        }
        if (n == 0) {
            return new SkinTone(new Lab(60, 15, 18));
        }
        for (double[] channel : channels) {
            Arrays.sort(channel, 0, n);
        }
        return new SkinTone(new Lab(channels[0][n / 2], channels[1][n / 2], channels[2][n / 2]));
    }

    Lab colour() {
        return median;
    }

    /**
     * Skin in full light, as a forehead is: colour (a*, b*) within {@code chromaTolerance} of the
     * cheeks', lightness from {@code darker} below to {@code lighter} above theirs.
     */
    boolean isSkin(Lab c, double chromaTolerance, double darker, double lighter) {
        double dl = c.l() - median.l();
        return c.chromaDistance(median) <= chromaTolerance && dl >= -darker && dl <= lighter;
    }

    /**
     * Skin in shade or flushed, as ears are: at least {@code minLightness} of the cheeks'
     * lightness (dark hair is darker), the chroma from 0.6 to 2.3 times theirs (grey hair has
     * little), and the hue from {@code redder} degrees redder to {@code yellower} degrees yellower
     * than theirs — a third of that in shade, since shaded skin turns redder while brown and blond
     * hair stay yellower. Without colour (a grey photo) lightness decides.
     */
    boolean isShadedSkin(Lab c, double minLightness, double redder, double yellower) {
        if (c.l() < minLightness * median.l() || c.l() > median.l() + 20) {
            return false;
        }
        double chroma = median.chroma();
        if (chroma < 6) {
            return c.chroma() < 10;
        }
        double hue = Math.toDegrees(Math.atan2(c.b(), c.a()) - Math.atan2(median.b(), median.a()));
        hue = ((hue + 540) % 360) - 180;
        double maxYellower = c.l() < median.l() - SHADE ? yellower / 3 : yellower;
        return hue >= -redder && hue <= maxYellower && c.chroma() >= 0.6 * chroma && c.chroma() <= 2.3 * chroma;
    }

    /** Every pixel of {@code patch} in L*a*b*; null outside the photo. */
    static Lab[] labs(FacePatch patch) {
        Lab[] out = new Lab[patch.red.length];
        for (int k = 0; k < out.length; k++) {
            if (patch.valid(k)) {
                out[k] = Lab.ofRgb(patch.red[k], patch.green[k], patch.blue[k]);
            }
        }
        return out;
    }
}
