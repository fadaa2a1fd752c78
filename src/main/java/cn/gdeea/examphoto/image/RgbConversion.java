package cn.gdeea.examphoto.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * BufferedImage → {@link RgbImage}, translucent pixels composited over white. The layouts decoders
 * actually return (8- and 16-bit interleaved RGB/grey with or without alpha, packed int RGB) are
 * read straight from the data buffer; {@code getRGB} is left for the rare rest (palettes, 1-bit).
 */
final class RgbConversion {

    record Result(RgbImage image, boolean translucent) {
    }

    private RgbConversion() {
    }

    static Result convert(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        DataBuffer buffer = raster.getDataBuffer();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getMinX() == 0 && raster.getMinY() == 0;
        if (untranslated && cm instanceof ComponentColorModel && !cm.isAlphaPremultiplied()
                && displayReady(cm.getColorSpace())
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel layout) {
            if (buffer instanceof DataBufferByte bytes && cm.getNumComponents() == 3) {
                return new Result(opaqueRgb(image, layout, bytes), false);
            }
            if (buffer instanceof DataBufferByte bytes) {
                return interleaved(image, layout, cm, new ByteSamples(bytes.getData(), bytes.getOffset()));
            }
            if (buffer instanceof DataBufferUShort shorts) {
                return interleaved(image, layout, cm, new UShortSamples(shorts.getData(), shorts.getOffset()));
            }
        }
        if (untranslated && (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel layout
                && buffer instanceof DataBufferInt ints) {
            return packedInts(image, layout, ints, image.getType() == BufferedImage.TYPE_INT_ARGB);
        }
        return viaGetRgb(image);
    }

    /** sRGB colour, or grey whose values are meant as displayed (what PNG and JPEG grey mean). */
    private static boolean displayReady(ColorSpace space) {
        return space.isCS_sRGB() || (space.getType() == ColorSpace.TYPE_GRAY && space.getNumComponents() == 1);
    }

    private interface Samples {
        int at(int index); // 0–255
    }

    private record ByteSamples(byte[] data, int offset) implements Samples {
        @Override
        public int at(int index) {
            return data[offset + index] & 0xFF;
        }
    }

    private record UShortSamples(short[] data, int offset) implements Samples {
        @Override
        public int at(int index) {
            return ((data[offset + index] & 0xFFFF) * 255 + 32767) / 65535;
        }
    }

    private static Result interleaved(BufferedImage image, PixelInterleavedSampleModel layout, ColorModel cm, Samples samples) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] bands = layout.getBandOffsets();
        int colours = cm.getNumColorComponents();
        int r = bands[0];
        int g = colours == 3 ? bands[1] : bands[0];
        int b = colours == 3 ? bands[2] : bands[0];
        int a = cm.hasAlpha() ? bands[colours] : -1;
        int pixelStride = layout.getPixelStride();
        int scanlineStride = layout.getScanlineStride();
        byte[] out = new byte[width * height * 3];
        boolean translucent = false;
        int o = 0;
        for (int y = 0; y < height; y++) {
            int p = y * scanlineStride;
            for (int x = 0; x < width; x++, p += pixelStride) {
                int alpha = a < 0 ? 255 : samples.at(p + a);
                if (alpha == 255) {
                    out[o++] = (byte) samples.at(p + r);
                    out[o++] = (byte) samples.at(p + g);
                    out[o++] = (byte) samples.at(p + b);
                } else {
                    translucent = true;
                    out[o++] = overWhite(samples.at(p + r), alpha);
                    out[o++] = overWhite(samples.at(p + g), alpha);
                    out[o++] = overWhite(samples.at(p + b), alpha);
                }
            }
        }
        return new Result(new RgbImage(width, height, out), translucent);
    }

    /** The JPEG case (TYPE_3BYTE_BGR): a tight loop, since every uploaded photo goes through it. */
    private static RgbImage opaqueRgb(BufferedImage image, PixelInterleavedSampleModel layout, DataBufferByte buffer) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] data = buffer.getData();
        int[] bands = layout.getBandOffsets();
        int r = bands[0];
        int g = bands[1];
        int b = bands[2];
        int pixelStride = layout.getPixelStride();
        int scanlineStride = layout.getScanlineStride();
        byte[] out = new byte[width * height * 3];
        int start = buffer.getOffset();
        if (pixelStride == 3 && scanlineStride == width * 3 && r == 2 && g == 1 && b == 0) {
            // Plain BGR without row padding: one flat loop the JIT compiles to a fraction of the general one's time.
            for (int i = 0; i < out.length; i += 3) {
                out[i] = data[start + i + 2];
                out[i + 1] = data[start + i + 1];
                out[i + 2] = data[start + i];
            }
            return new RgbImage(width, height, out);
        }
        int o = 0;
        for (int y = 0; y < height; y++) {
            int p = start + y * scanlineStride;
            for (int x = 0; x < width; x++, p += pixelStride) {
                out[o++] = data[p + r];
                out[o++] = data[p + g];
                out[o++] = data[p + b];
            }
        }
        return new RgbImage(width, height, out);
    }

    private static Result packedInts(BufferedImage image, SinglePixelPackedSampleModel layout, DataBufferInt buffer, boolean withAlpha) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] data = buffer.getData();
        int scanlineStride = layout.getScanlineStride();
        byte[] out = new byte[width * height * 3];
        boolean translucent = false;
        int o = 0;
        for (int y = 0; y < height; y++) {
            int p = buffer.getOffset() + y * scanlineStride;
            for (int x = 0; x < width; x++) {
                int argb = withAlpha ? data[p + x] : data[p + x] | 0xFF000000;
                translucent |= put(argb, out, o);
                o += 3;
            }
        }
        return new Result(new RgbImage(width, height, out), translucent);
    }

    private static Result viaGetRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        byte[] out = new byte[width * height * 3];
        boolean translucent = false;
        int o = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                translucent |= put(row[x], out, o);
                o += 3;
            }
        }
        return new Result(new RgbImage(width, height, out), translucent);
    }

    /** Writes one non-premultiplied ARGB pixel as RGB over white; true when it was not opaque. */
    private static boolean put(int argb, byte[] out, int o) {
        int alpha = argb >>> 24;
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        if (alpha == 255) {
            out[o] = (byte) r;
            out[o + 1] = (byte) g;
            out[o + 2] = (byte) b;
            return false;
        }
        out[o] = overWhite(r, alpha);
        out[o + 1] = overWhite(g, alpha);
        out[o + 2] = overWhite(b, alpha);
        return true;
    }

    private static byte overWhite(int value, int alpha) {
        return (byte) ((value * alpha + 255 * (255 - alpha) + 127) / 255);
    }
}
