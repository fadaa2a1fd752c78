package cn.gdeea.examphoto.image;

import java.nio.charset.StandardCharsets;

/**
 * Whether a JPEG or PNG file reaches the end its own structure announces. Decoders paint the
 * missing part of a cut-off JPEG grey (and only warn), which would let a half-uploaded photo pass
 * as a real one; walking the markers or chunks is cheap and tells for sure.
 */
enum FileStructure {
    COMPLETE, TRUNCATED, MALFORMED;

    static FileStructure ofJpeg(byte[] b) {
        int n = b.length;
        int i = 2; // after SOI
        while (i < n) {
            if ((b[i] & 0xFF) != 0xFF) {
                i++; // extraneous bytes between segments: decoders skip them, so do we
                continue;
            }
            while (i + 1 < n && (b[i + 1] & 0xFF) == 0xFF) {
                i++; // fill bytes
            }
            if (i + 1 >= n) {
                return TRUNCATED;
            }
            int marker = b[i + 1] & 0xFF;
            i += 2;
            if (marker == 0xD9) {
                return COMPLETE; // EOI; anything after it (motion-photo video, gain maps) is not ours to judge
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                continue; // markers without a length
            }
            if (i + 2 > n) {
                return TRUNCATED;
            }
            int length = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (length < 2) {
                return MALFORMED;
            }
            i += length;
            if (marker == 0xDA) {
                i = endOfEntropyCodedData(b, i);
            }
        }
        return TRUNCATED;
    }

    /** In scan data 0xFF is always followed by a stuffed 0x00 or a restart marker, except at the next real marker. */
    private static int endOfEntropyCodedData(byte[] b, int from) {
        int i = from;
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
            i++;
        }
        return b.length;
    }

    static FileStructure ofPng(byte[] b) {
        long n = b.length;
        long i = 8; // after the signature
        boolean first = true;
        while (i + 8 <= n) {
            int at = (int) i;
            long length = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > Integer.MAX_VALUE || (first && !type.equals("IHDR"))) {
                return MALFORMED;
            }
            first = false;
            i += 12 + length; // length, type, data, CRC
            if (i > n) {
                return TRUNCATED;
            }
            if (type.equals("IEND")) {
                return COMPLETE;
            }
        }
        return TRUNCATED;
    }
}
