package cn.gdeea.examphoto.image;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The type of an upload as told by its first bytes. Names and MIME types sent by phones are
 * unreliable (WeChat and photo editors rename files freely), so only the content counts.
 */
enum FileType {
    JPEG("JPEG"),
    PNG("PNG"),
    HEIF("HEIC/HEIF"),
    AVIF("AVIF"),
    WEBP("WebP"),
    GIF("GIF"),
    BMP("BMP"),
    TIFF("TIFF"),
    JPEG_2000("JPEG 2000"),
    JPEG_XL("JPEG XL"),
    PSD("PSD"),
    PDF("PDF"),
    VIDEO("MP4/MOV"),
    UNKNOWN("?");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2", "MiHE");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> VIDEO_BRANDS =
            Set.of("isom", "iso2", "mp41", "mp42", "qt  ", "M4V ", "avc1", "3gp4", "3gp5", "3gp6", "3g2a", "dash");

    private final String displayName;

    FileType(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }

    static FileType of(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (ascii(b, 4, 4).equals("ftyp")) {
            return isoMediaType(b);
        }
        if (ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a")) {
            return GIF;
        }
        // "BM" alone is too common at the start of text; BMP's reserved header bytes are zero.
        if (ascii(b, 0, 2).equals("BM") && b.length >= 26 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0) {
            return BMP;
        }
        if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        if (startsWith(b, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return JPEG_2000;
        }
        if (startsWith(b, 0, 0xFF, 0x0A) || startsWith(b, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return JPEG_XL;
        }
        if (ascii(b, 0, 4).equals("8BPS")) {
            return PSD;
        }
        if (ascii(b, 0, 5).equals("%PDF-")) {
            return PDF;
        }
        return UNKNOWN;
    }

    /** HEIF, AVIF and MP4/MOV share the ISO media file layout; the ftyp box's brands tell them apart. */
    private static FileType isoMediaType(byte[] b) {
        long boxSize = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int end = (int) Math.min(Math.min(boxSize, b.length), 256);
        boolean heif = false;
        boolean video = false;
        // The major brand sits at 8; compatible brands follow the 4-byte minor version at 12.
        for (int i = 8; i + 4 <= end; i += (i == 8 ? 8 : 4)) {
            String brand = ascii(b, i, 4);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            heif |= HEIF_BRANDS.contains(brand);
            video |= VIDEO_BRANDS.contains(brand) || brand.startsWith("3gp");
        }
        return heif ? HEIF : video ? VIDEO : UNKNOWN;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return b.length < offset + length ? "" : new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
