package cn.gdeea.examphoto.image;

/**
 * A JPEG written to a size window.
 *
 * @param bytes        the file
 * @param quality      the quality it was written with, 0–1
 * @param withinWindow whether its size landed inside the requested window; when not, it is the
 *                     closest the allowed qualities could get and the caller decides what to do
 */
public record EncodedJpeg(byte[] bytes, float quality, boolean withinWindow) {
}
