package cn.gdeea.examphoto.image;

import java.util.Objects;

/**
 * A decoded photo as interleaved 8-bit RGB, row-major, no padding. This is the one pixel format
 * the face engine and the photo checks share: reading a raster's bytes once is several times
 * faster than {@code BufferedImage.getRGB()} on phone-sized photos.
 */
public record RgbImage(int width, int height, byte[] pixels) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes, got " + pixels.length);
        }
    }

    /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel (x, y), 0–255. */
    public int sample(int x, int y, int c) {
        return pixels[(y * width + x) * 3 + c] & 0xFF;
    }

    /** Rec. 601 luma of pixel (x, y), 0–255. */
    public double luma(int x, int y) {
        int i = (y * width + x) * 3;
        return 0.299 * (pixels[i] & 0xFF) + 0.587 * (pixels[i + 1] & 0xFF) + 0.114 * (pixels[i + 2] & 0xFF);
    }
}
