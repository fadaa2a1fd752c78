package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * Forehead visible (露出额头; 刘海遮挡): the band above the eyebrows, up to where the hairline of
 * nearly everyone lies, must be mostly skin. A pixel counts as skin when its colour matches the
 * cheeks' ({@link SkinTone}) — in full light, in shade, or burnt out to white by a flash — and it
 * is smooth: hair, a fringe of any colour, even one close to the skin's like blond, is a mesh of
 * strands whose lightness changes from pixel to pixel.
 */
final class ForeheadCheck implements PhotoCheck {

    static final String ID = "forehead";
    private static final double PPU = 40;
    /** The band: from just above the brows up this far, in eye distances. */
    private static final double BAND_BOTTOM = 0.08;
    private static final double BAND_TOP = 0.5;
    private static final double HALF_WIDTH = 0.45;
    /** Skin in the shadow of one-sided light keeps this share of the cheeks' lightness; black hair has less. */
    private static final double SHADED_MIN_LIGHTNESS = 0.45;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        FaceFrame frame = photo.frame();
        CheckSettings s = photo.settings();
        double share = skinShare(photo, frame, s);
        double threshold = s.get("forehead.min-skin", 0.5);
        double brow = browTop(frame);
        var region = frame.imageBox(-HALF_WIDTH, brow - BAND_TOP, HALF_WIDTH, brow - BAND_BOTTOM);
        if (share >= threshold) {
            return CheckResult.passed(ID, share, threshold, region);
        }
        return CheckResult.failed(ID, share, threshold, region,
                "额头被刘海或头发遮挡", "Your forehead is covered by hair",
                "请把头发梳到脑后或用发夹夹起，露出额头和眉毛后重新拍照",
                "Comb or clip your fringe back so that the forehead and eyebrows show, and retake the photo");
    }

    /** Burnt out to white by a flash or the sun: no hair is that white, so it counts as skin. */
    private static boolean burnt(Lab c) {
        return c.l() > 92 && c.chroma() < 8;
    }

    static double browTop(FaceFrame frame) {
        double top = Double.MAX_VALUE;
        for (int i = 17; i <= 26; i++) {
            top = Math.min(top, frame.v(i));
        }
        return top;
    }

    /** Share of the forehead band that is smooth skin of the cheeks' colour. */
    static double skinShare(FacePhoto photo, FaceFrame frame, CheckSettings s) {
        SkinTone skin = SkinTone.of(photo.image(), frame);
        double brow = browTop(frame);
        FacePatch band = FacePatch.sample(photo.image(), frame, -HALF_WIDTH, brow - BAND_TOP, HALF_WIDTH,
                brow - BAND_BOTTOM, PPU);
        Lab[] lab = SkinTone.labs(band);
        double chroma = s.get("forehead.skin-chroma-tolerance", 12);
        double maxRoughness = s.get("forehead.max-roughness", 5);
        int skinCount = 0;
        int total = 0;
        for (int r = 0; r < band.height; r++) {
            for (int c = 0; c < band.width; c++) {
                int k = r * band.width + c;
                if (lab[k] == null) {
                    continue;
                }
                total++;
                Lab colour = lab[k];
                boolean skinColour = skin.isSkin(colour, chroma, 22, 28) || burnt(colour)
                        || skin.isShadedSkin(colour, SHADED_MIN_LIGHTNESS, 25, 10);
                if (skinColour && roughness(lab, band.width, band.height, c, r) <= maxRoughness) {
                    skinCount++;
                }
            }
        }
        return total == 0 ? 1 : (double) skinCount / total;
    }

    /** Mean absolute L* difference to the four neighbours: strands make it large, skin small. */
    static double roughness(Lab[] lab, int width, int height, int c, int r) {
        double l = lab[r * width + c].l();
        double sum = 0;
        int n = 0;
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int[] d : steps) {
            int cc = c + d[0];
            int rr = r + d[1];
            if (cc >= 0 && rr >= 0 && cc < width && rr < height && lab[rr * width + cc] != null) {
                sum += Math.abs(lab[rr * width + cc].l() - l);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
