package cn.gdeea.examphoto.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test files built in code, byte by byte where ImageIO cannot write them. */
final class TestImages {

    private TestImages() {
    }

    static BufferedImage blocks(int columns, int rows, int blockSize, Color... colours) {
        BufferedImage image = new BufferedImage(columns * blockSize, rows * blockSize, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, colours[(y / blockSize) * columns + x / blockSize].getRGB());
            }
        }
        return image;
    }

    /** Gradients, shapes and grain: compresses like a phone photo, not like a flat test card. */
    static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double cx = (x - width / 2.0) / width;
                double cy = (y - height / 2.5) / height;
                boolean face = cx * cx / 0.06 + cy * cy / 0.1 < 1;
                int base = face ? 190 : 235 - 60 * y / height;
                int grain = (int) (random.nextGaussian() * 9);
                int r = clamp(base + grain + (face ? 20 : 0) + (int) (20 * Math.sin(x / 23.0)));
                int g = clamp(base + grain - (face ? 25 : 0) + (int) (15 * Math.cos(y / 31.0)));
                int b = clamp(base + grain - (face ? 45 : 0));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, new IIOImage(image, null, null), param);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An Adobe CMYK (transform 0) or YCCK (transform 2) JPEG of the given CMYK colours in 16-px
     * columns. The JDK writer writes a 4-band raster unchanged, so the Adobe conventions are applied
     * here: inverted CMYK, and for YCCK the YCbCr transform of the un-inverted C, M, Y.
     */
    static byte[] adobeJpeg(int[][] cmykColumns, boolean ycck) {
        int width = 16 * cmykColumns.length;
        int height = 16;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = cmykColumns[x / 16];
                int[] stored = {255 - cmyk[0], 255 - cmyk[1], 255 - cmyk[2], 255 - cmyk[3]};
                if (ycck) {
                    double r = cmyk[0];
                    double g = cmyk[1];
                    double b = cmyk[2];
                    stored[0] = clamp((int) Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                    stored[1] = clamp((int) Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128));
                    stored[2] = clamp((int) Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128));
                }
                raster.setPixel(x, y, stored);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        byte[] plain = write(writer, new IIOImage(raster, null, null), param);
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) (ycck ? 2 : 0)};
        return afterSoi(plain, app14);
    }

    /** A minimal big-endian EXIF APP1 segment holding only IFD0 with the Orientation tag. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1.capacity() - 2));
        app1.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        app1.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8); // TIFF header, IFD0 at 8
        app1.putShort((short) 1); // one entry
        app1.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        app1.putInt(0); // no next IFD
        return afterSoi(jpeg, app1.array());
    }

    /** A PNG declaring width × height RGB pixels whose image data is a tiny zlib stream of zeros. */
    static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]); // 1 MiB of zeros, a sliver of what the header promises
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        int length = deflater.deflate(buffer);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Overwrites the frame size in the first SOF segment, leaving the compressed data as it was. */
    static byte[] withDeclaredJpegSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int i = 2;
        while ((copy[i + 1] & 0xFF) < 0xC0 || (copy[i + 1] & 0xFF) > 0xC2) {
            i += 2 + (((copy[i + 2] & 0xFF) << 8) | (copy[i + 3] & 0xFF));
        }
        copy[i + 5] = (byte) (height >> 8);
        copy[i + 6] = (byte) height;
        copy[i + 7] = (byte) (width >> 8);
        copy[i + 8] = (byte) width;
        return copy;
    }

    static byte[] afterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
