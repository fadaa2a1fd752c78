package cn.gdeea.examphoto.image;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The EXIF orientation tag and turning pixels upright by it. Phones store most portraits as
 * landscape sensor data with orientation 6, so this runs on nearly every upload.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int TILE = 64;

    /**
     * Per orientation, the source pixel of upright pixel (x, y) is
     * (ax·x + bx·y + cx·(W−1), ay·x + by·y + cy·(H−1)) in the stored W×H image (EXIF 2.3, tag 0x0112).
     */
    private static final int[][] SOURCE = {
            {},
            {1, 0, 0, 0, 1, 0},    // 1 as stored
            {-1, 0, 1, 0, 1, 0},   // 2 mirrored left–right
            {-1, 0, 1, 0, -1, 1},  // 3 rotated 180°
            {1, 0, 0, 0, -1, 1},   // 4 mirrored top–bottom
            {0, 1, 0, 1, 0, 0},    // 5 transposed
            {0, 1, 0, -1, 0, 1},   // 6 needs 90° clockwise
            {0, -1, 1, -1, 0, 1},  // 7 transversed
            {0, -1, 1, 1, 0, 0},   // 8 needs 90° anticlockwise
    };

    private ExifOrientation() {
    }

    /** The orientation in the file's EXIF, or 1 when there is none or it cannot be read. */
    static int read(byte[] bytes, FileType type) {
        try {
            // Only the EXIF reader: XMP, ICC and the rest are not needed and only cost time.
            Metadata metadata = type == FileType.JPEG
                    ? JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes), List.of(new ExifReader()))
                    : PngMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return UPRIGHT;
            }
            int orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (Exception unreadable) {
            // Broken EXIF does not make the pixels unusable; the photo is taken as stored.
            return UPRIGHT;
        }
    }

    static RgbImage apply(RgbImage stored, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swaps = orientation >= 5;
        int outWidth = swaps ? h : w;
        int outHeight = swaps ? w : h;
        int[] m = SOURCE[orientation];
        byte[] in = stored.pixels();
        byte[] out = new byte[in.length];
        // The source index moves linearly along an output row, so one step per pixel suffices. Quarter
        // turns read the source down its columns; tiles keep those reads in cache.
        int step = (m[3] * w + m[0]) * 3;
        for (int tileY = 0; tileY < outHeight; tileY += TILE) {
            for (int tileX = 0; tileX < outWidth; tileX += TILE) {
                int endX = Math.min(tileX + TILE, outWidth);
                for (int y = tileY, endY = Math.min(tileY + TILE, outHeight); y < endY; y++) {
                    int sx = m[0] * tileX + m[1] * y + m[2] * (w - 1);
                    int sy = m[3] * tileX + m[4] * y + m[5] * (h - 1);
                    int s = (sy * w + sx) * 3;
                    int o = (y * outWidth + tileX) * 3;
                    for (int x = tileX; x < endX; x++, s += step, o += 3) {
                        out[o] = in[s];
                        out[o + 1] = in[s + 1];
                        out[o + 2] = in[s + 2];
                    }
                }
            }
        }
        return new RgbImage(outWidth, outHeight, out);
    }
}
