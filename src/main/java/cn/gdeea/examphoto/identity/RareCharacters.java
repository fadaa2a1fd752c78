package cn.gdeea.examphoto.identity;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Finds 生僻字 in a name: characters outside GB 2312, or in a CJK extension block, which the
 * identity registry and the ID-card chip often cannot represent, so that automatic verification
 * of such a name will likely fail.
 */
public final class RareCharacters {

    private static final Charset GB2312 = Charset.forName("GB2312");

    private RareCharacters() {
    }

    public static boolean containsRare(String name) {
        CharsetEncoder encoder = GB2312.newEncoder();
        return name.codePoints().anyMatch(cp -> isRare(cp, encoder));
    }

    private static boolean isRare(int codePoint, CharsetEncoder encoder) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_C
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_D
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_E
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_F
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_G
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT) {
            return true;
        }
        if (Character.isIdeographic(codePoint)) {
            return !encoder.canEncode(new String(Character.toChars(codePoint)));
        }
        return false;
    }
}
