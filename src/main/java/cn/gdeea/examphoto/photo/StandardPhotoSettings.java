package cn.gdeea.examphoto.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The standard photo's format and framing (标准照片), by default the Ministry of Education's gaokao
 * image-capture standard (普通高等学校招生图像采集规范): 480×640 px, 24-bit colour, 300 dpi, JPEG quality
 * at least 60, 20–40 KB; top of the head 50–110 px below the top edge, eyes 200–300 px below it,
 * face width (cheek to cheek) 180–300 px; white background.
 *
 * <p>The byte window defaults to 20,480–40,000 bytes, inside the standard's 20–40 KB whether a KB
 * is read as 1,000 or 1,024 bytes. The targets put the eyes at 270 px and the face width at
 * 220 px: on the face set that lands the top of the head at 73–100 px, inside its window; the
 * windows' midpoints (250 px, 240 px) would put it at 36–65 px, often above (docs/standard-photo.md).
 *
 * @param eyeLineY    where the eye line (the eye centres' mean height) is put, px from the top
 * @param faceWidth   the face width (landmarks 0–16, the face outline at the ears) it is scaled to
 * @param hairlineY   bounds for the top of the head (头顶发际), px from the top
 * @param background  fill where the photo does not reach, {@code #RRGGBB}; the standard also allows
 *                    light blue {@code #64C5FF} and light grey {@code #F0F0F0}
 * @param levelEyes   rotate so the eyes are level; the standard forbids rotating the photo
 *                    (禁止对图像整体或局部进行镜像、旋转等变换操作), so an authority reading that
 *                    strictly turns this off
 */
@ConfigurationProperties("examphoto.standard-photo")
public record StandardPhotoSettings(
        @DefaultValue("480") int width,
        @DefaultValue("640") int height,
        @DefaultValue("300") int dpi,
        @DefaultValue("60") int minQuality,
        @DefaultValue("20480") int minBytes,
        @DefaultValue("40000") int maxBytes,
        @DefaultValue("270") int eyeLineY,
        @DefaultValue("200") int minEyeLineY,
        @DefaultValue("300") int maxEyeLineY,
        @DefaultValue("220") int faceWidth,
        @DefaultValue("180") int minFaceWidth,
        @DefaultValue("300") int maxFaceWidth,
        @DefaultValue("50") int minHairlineY,
        @DefaultValue("110") int maxHairlineY,
        @DefaultValue("#FFFFFF") String background,
        @DefaultValue("true") boolean levelEyes) {

    public StandardPhotoSettings {
        require(width > 0 && height > 0, "size must be positive: " + width + "x" + height);
        require(dpi > 0, "dpi must be positive: " + dpi);
        require(minQuality >= 1 && minQuality <= 100, "min-quality must be 1–100: " + minQuality);
        require(minBytes > 0 && minBytes < maxBytes, "need 0 < min-bytes < max-bytes: " + minBytes + ", " + maxBytes);
        require(minEyeLineY <= eyeLineY && eyeLineY <= maxEyeLineY && maxEyeLineY < height,
                "eye line target " + eyeLineY + " must lie in " + minEyeLineY + "–" + maxEyeLineY + " inside the height");
        require(minFaceWidth <= faceWidth && faceWidth <= maxFaceWidth && maxFaceWidth <= width,
                "face width target " + faceWidth + " must lie in " + minFaceWidth + "–" + maxFaceWidth + " inside the width");
        require(minHairlineY <= maxHairlineY, "need min-hairline-y <= max-hairline-y");
        require(background != null && background.matches("#[0-9A-Fa-f]{6}"), "background must be #RRGGBB: " + background);
    }

    /** The MOE gaokao standard. */
    public static StandardPhotoSettings defaults() {
        return new StandardPhotoSettings(480, 640, 300, 60, 20_480, 40_000,
                270, 200, 300, 220, 180, 300, 50, 110, "#FFFFFF", true);
    }

    /** The background as 0xRRGGBB. */
    public int backgroundRgb() {
        return Integer.parseInt(background.substring(1), 16);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("examphoto.standard-photo: " + message);
        }
    }
}
