package cn.gdeea.examphoto.image;

/**
 * An uploaded photo, decoded and turned upright.
 *
 * @param image             the pixels, EXIF orientation already applied
 * @param format            {@code "jpeg"} or {@code "png"}, as found in the content
 * @param exifOrientation   the EXIF orientation the file carried (1–8; 1 when it had none)
 * @param hadAlpha          some pixel was not fully opaque; such pixels were composited over white
 * @param extensionMismatch the file name's extension names another type than the content (a JPEG
 *                          called {@code .png} or {@code .exe}); informational only, the content decides
 */
public record DecodedImage(RgbImage image, String format, int exifOrientation, boolean hadAlpha, boolean extensionMismatch) {
}
