package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * White background wall (白色背景墙): the wall beside and above the head must be light, without
 * colour, and plain. Three measures of the {@link Backdrop}: its median lightness (L*), its
 * chroma, and how busy it is — the share of blocks departing from a smoothly lit wall plus the
 * fine texture inside blocks. The standard photo also allows light blue (100,197,255); with
 * {@code background.allow-light-blue=1} a wall within {@code background.allowed-delta-e} of it
 * passes the colour measures. Light grey (240,240,240) lies inside the white band already.
 */
final class BackgroundCheck implements PhotoCheck {

    static final String ID = "background";
    private static final Lab LIGHT_BLUE = Lab.ofRgb(100, 197, 255);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        Backdrop backdrop = Backdrop.of(photo);
        CheckSettings s = photo.settings();
        double minLightness = s.get("background.min-lightness", 76);
        double maxChroma = s.get("background.max-chroma", 14);
        double maxClutter = s.get("background.max-clutter", 0.05);
        double clutterDeltaE = s.get("background.clutter-delta-e", 12);
        double maxTexture = s.get("background.max-texture", 2.2);
        if (backdrop.isEmpty()) {
            // The head fills the photo: the framing checks report that; nothing to judge here.
            return CheckResult.passed(ID, Double.NaN, minLightness, null);
        }
        Lab wall = backdrop.colour;
        boolean lightBlue = s.get("background.allow-light-blue", 0) >= 1
                && wall.distance(LIGHT_BLUE) <= s.get("background.allowed-delta-e", 18);
        double clutter = backdrop.clutter(clutterDeltaE);
        double texture = backdrop.texture();
        if (clutter > maxClutter || texture > maxTexture) {
            boolean byClutter = clutter / maxClutter >= texture / maxTexture;
            return CheckResult.failed(ID, byClutter ? clutter : texture, byClutter ? maxClutter : maxTexture,
                    backdrop.region(),
                    "背景不是单一的纯色墙面（有杂物、图案或纹理）", "The background is not a plain wall (objects, patterns or texture show)",
                    "请站在一面干净的白色墙前重新拍照", "Stand in front of a plain white wall and retake the photo");
        }
        if (!lightBlue && wall.chroma() > maxChroma) {
            return CheckResult.failed(ID, wall.chroma(), maxChroma, backdrop.region(),
                    "背景颜色不是白色", "The background is coloured, not white",
                    "请站在白色墙前重新拍照", "Stand in front of a white wall and retake the photo");
        }
        if (!lightBlue && wall.l() < minLightness) {
            return CheckResult.failed(ID, wall.l(), minLightness, backdrop.region(),
                    "背景偏暗或呈灰色，不是白色", "The background is too dark or grey, not white",
                    "请站在白色墙前、光线充足处重新拍照", "Stand in front of a white wall in good light and retake the photo");
        }
        return CheckResult.passed(ID, wall.l(), minLightness, backdrop.region());
    }
}
