package cn.gdeea.examphoto.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an uploaded photo may cost us, checked before any pixel is decoded.
 *
 * <p>The defaults admit any ordinary phone photo (a 12 MP JPEG is 3–6 MB; 48 MP sensors save
 * 12 MP unless the owner switches modes) while keeping one decode under about 300 MB of heap.
 *
 * @param maxBytes  largest accepted file, in bytes
 * @param maxPixels largest accepted width × height
 * @param maxSide   longest accepted width or height, in pixels
 */
@ConfigurationProperties("examphoto.image")
public record ImageLimits(
        @DefaultValue("15728640") long maxBytes,
        @DefaultValue("40000000") int maxPixels,
        @DefaultValue("10000") int maxSide) {

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException(
                    "image limits must be positive: " + maxBytes + " bytes, " + maxPixels + " pixels, " + maxSide + " px side");
        }
    }

    /** 15 MiB, 40 megapixels, 10,000 px on the longest side. */
    public static ImageLimits defaults() {
        return new ImageLimits(15L * 1024 * 1024, 40_000_000, 10_000);
    }
}
