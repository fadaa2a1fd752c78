/**
 * Turning uploaded bytes into pixels and pixels back into JPEG files.
 *
 * <p>{@link cn.gdeea.examphoto.image.ImageDecoder} is the only way an uploaded photo becomes an
 * {@link cn.gdeea.examphoto.image.RgbImage}: it decides the type by content, refuses oversized,
 * truncated and unsupported files with an {@link cn.gdeea.examphoto.image.ImageRejectedException}
 * before spending memory on them, and applies the EXIF orientation.
 * {@link cn.gdeea.examphoto.image.JpegEncoder} writes the metadata-free JFIF files the standard
 * photo needs, and {@link cn.gdeea.examphoto.image.Images} converts to and from {@code BufferedImage}.
 */
package cn.gdeea.examphoto.image;
