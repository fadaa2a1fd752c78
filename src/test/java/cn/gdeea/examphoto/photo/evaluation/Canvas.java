package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.image.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * A mutable floating-point RGB image (interleaved, 0–255) for composing and altering evaluation
 * photos: compositing and warps need sub-pixel sampling and values beyond 8 bits until the end.
 */
final class Canvas {

    final int width;
    final int height;
    final float[] rgb;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = new float[width * height * 3];
    }

    static Canvas of(RgbImage image) {
        Canvas c = new Canvas(image.width(), image.height());
        byte[] p = image.pixels();
        for (int i = 0; i < p.length; i++) {
            c.rgb[i] = p[i] & 0xFF;
        }
        return c;
    }

    Canvas copy() {
        Canvas c = new Canvas(width, height);
        System.arraycopy(rgb, 0, c.rgb, 0, rgb.length);
        return c;
    }

    RgbImage toImage() {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(rgb[i])));
        }
        return new RgbImage(width, height, out);
    }

    /** Bilinear sample of pixel centres (x, y) into {@code out}; edges are clamped. */
    void sample(double x, double y, float[] out) {
        double fx = Math.max(0, Math.min(width - 1.001, x - 0.5));
        double fy = Math.max(0, Math.min(height - 1.001, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        float ax = (float) (fx - x0);
        float ay = (float) (fy - y0);
        int i00 = (y0 * width + x0) * 3;
        int i01 = i00 + width * 3;
        for (int c = 0; c < 3; c++) {
            float top = rgb[i00 + c] * (1 - ax) + rgb[i00 + 3 + c] * ax;
            float bottom = rgb[i01 + c] * (1 - ax) + rgb[i01 + 3 + c] * ax;
            out[c] = top * (1 - ay) + bottom * ay;
        }
    }

    /** Gaussian blur of the whole canvas, in place, as three box blurs per axis (a close match). */
    void blur(double sigma) {
        if (sigma <= 0.05) {
            return;
        }
        float[] plane = new float[width * height];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < plane.length; k++) {
                plane[k] = rgb[k * 3 + c];
            }
            boxBlurGaussian(plane, width, height, sigma);
            for (int k = 0; k < plane.length; k++) {
                rgb[k * 3 + c] = plane[k];
            }
        }
    }

    /** Three box blurs whose combined variance is sigma² (Wells 1986); exact enough for photos. */
    static void boxBlurGaussian(float[] plane, int w, int h, double sigma) {
        int r = Math.max(0, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
        if (r == 0) {
            return;
        }
        float[] tmp = new float[plane.length];
        for (int pass = 0; pass < 3; pass++) {
            for (int y = 0; y < h; y++) {
                boxLine(plane, tmp, y * w, 1, w, r);
            }
            for (int x = 0; x < w; x++) {
                boxLine(tmp, plane, x, w, h, r);
            }
        }
    }

    private static void boxLine(float[] in, float[] out, int start, int stride, int n, int r) {
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += in[start + Math.max(0, Math.min(n - 1, i)) * stride];
        }
        float scale = 1f / (2 * r + 1);
        for (int i = 0; i < n; i++) {
            out[start + i * stride] = sum * scale;
            sum += in[start + Math.min(n - 1, i + r + 1) * stride] - in[start + Math.max(0, i - r) * stride];
        }
    }

    /** Gaussian blur of one plane of values, in place; edges are clamped. */
    static void blurPlane(float[] plane, int w, int h, double sigma) {
        boxBlurGaussian(plane, w, h, sigma);
    }

    static float[] gaussian(double sigma) {
        int r = Math.max(1, (int) Math.ceil(sigma * 3));
        float[] k = new float[2 * r + 1];
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Sensor-like noise: luminance noise of {@code sigma} plus a third of it per channel. */
    void addNoise(double sigma, Random random) {
        float[] table = new float[4096];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (random.nextGaussian() * sigma);
        }
        int state = random.nextInt();
        for (int i = 0; i < rgb.length; i += 3) {
            state = state * 1664525 + 1013904223;
            float common = table[(state >>> 20) & 4095];
            for (int c = 0; c < 3; c++) {
                state = state * 1664525 + 1013904223;
                rgb[i + c] += common + table[(state >>> 20) & 4095] / 3;
            }
        }
    }

    /** The photo as a phone would save it: 8-bit JPEG at {@code quality}, decoded again. */
    RgbImage jpeg(float quality) {
        return decode(encodeJpeg(toImage(), quality));
    }

    static byte[] encodeJpeg(RgbImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (var out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(toBufferedImage(image), null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RgbImage decode(byte[] bytes) {
        try {
            return fromBufferedImage(ImageIO.read(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writePng(RgbImage image, Path file) {
        try {
            ImageIO.write(toBufferedImage(image), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
        byte[] p = image.pixels();
        for (int i = 0; i < p.length; i += 3) {
            bgr[i] = p[i + 2];
            bgr[i + 1] = p[i + 1];
            bgr[i + 2] = p[i];
        }
        return b;
    }

    static RgbImage fromBufferedImage(BufferedImage source) {
        BufferedImage b = source;
        if (source.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            b = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            b.getGraphics().drawImage(source, 0, 0, null);
        }
        byte[] bgr = ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
        byte[] out = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            out[i] = bgr[i + 2];
            out[i + 1] = bgr[i + 1];
            out[i + 2] = bgr[i];
        }
        return new RgbImage(b.getWidth(), b.getHeight(), out);
    }
}
