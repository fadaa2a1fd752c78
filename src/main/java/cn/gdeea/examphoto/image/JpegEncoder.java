package cn.gdeea.examphoto.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes baseline JFIF JPEGs with the pixel density set and no EXIF or other metadata, as the
 * standard photo requires (300 dpi, quality ≥ 60, 20–40 KB). Thread-safe; stateless.
 */
public final class JpegEncoder {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    private static final int SEARCH_STEPS = 7; // quality to within 0.4/2^7 ≈ 0.003
    private static final ImageWriterSpi WRITERS = jdkJpegWriter();

    private JpegEncoder() {
    }

    /**
     * @param quality 0–1, as libjpeg's quality / 100
     * @param dpi     pixel density written to the JFIF header, 1–65535
     */
    public static byte[] encode(RgbImage image, float quality, int dpi) {
        if (!(quality >= 0f && quality <= 1f)) {
            throw new IllegalArgumentException("quality must be within 0–1: " + quality);
        }
        if (dpi < 1 || dpi > 0xFFFF) {
            throw new IllegalArgumentException("dpi must be within 1–65535: " + dpi);
        }
        return write(Images.toBufferedImage(image), quality, dpi);
    }

    /**
     * The highest quality from {@code minQuality} up whose file is at most {@code maxBytes};
     * {@link EncodedJpeg#withinWindow()} tells whether it is also at least {@code minBytes}.
     * A photo too big even at {@code minQuality} comes back at {@code minQuality}; quality is never lowered further.
     */
    public static EncodedJpeg encodeWithin(RgbImage image, int minBytes, int maxBytes, float minQuality, int dpi) {
        if (minBytes < 0 || maxBytes < minBytes) {
            throw new IllegalArgumentException("size window must satisfy 0 ≤ min ≤ max: " + minBytes + "–" + maxBytes);
        }
        if (!(minQuality >= 0f && minQuality <= 1f)) {
            throw new IllegalArgumentException("minimum quality must be within 0–1: " + minQuality);
        }
        BufferedImage source = Images.toBufferedImage(image);
        byte[] best = write(source, 1f, dpi);
        if (best.length <= maxBytes) {
            return new EncodedJpeg(best, 1f, best.length >= minBytes);
        }
        byte[] lowest = write(source, minQuality, dpi);
        if (lowest.length > maxBytes) {
            return new EncodedJpeg(lowest, minQuality, false);
        }
        // File size grows with quality (not strictly, so keep the best fit seen rather than trust the last step).
        float fits = minQuality;
        best = lowest;
        float tooBig = 1f;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            float mid = (fits + tooBig) / 2;
            byte[] candidate = write(source, mid, dpi);
            if (candidate.length <= maxBytes) {
                fits = mid;
                best = candidate;
            } else {
                tooBig = mid;
            }
        }
        return new EncodedJpeg(best, fits, best.length >= minBytes);
    }

    private static byte[] write(BufferedImage image, float quality, int dpi) {
        ImageWriter writer;
        try {
            writer = WRITERS.createWriterInstance();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JPEG writer", e);
        }
        try {
            JPEGImageWriteParam param = new JPEGImageWriteParam(null);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setOptimizeHuffmanTables(true); // smaller file, still baseline
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            setDensity(metadata, dpi);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JPEG to memory failed", e);
        } finally {
            writer.dispose();
        }
    }

    /** JFIF's APP0 carries the density; units 1 means dots per inch. */
    private static void setDensity(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
        Node tree = metadata.getAsTree(JPEG_METADATA);
        Element jfif = (Element) ((Element) tree).getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "1");
        jfif.setAttribute("Xdensity", Integer.toString(dpi));
        jfif.setAttribute("Ydensity", Integer.toString(dpi));
        metadata.setFromTree(JPEG_METADATA, tree);
    }

    /** The JDK's writer itself: TwelveMonkeys registers a wrapper around it that adds nothing here. */
    private static ImageWriterSpi jdkJpegWriter() {
        ImageWriterSpi found = null;
        for (Iterator<ImageWriterSpi> providers = IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class, true);
                providers.hasNext(); ) {
            ImageWriterSpi provider = providers.next();
            if (List.of(provider.getFormatNames()).contains("jpeg") && (found == null || found instanceof JPEGImageWriterSpi)) {
                found = provider;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no JPEG writer available");
        }
        return found;
    }
}
