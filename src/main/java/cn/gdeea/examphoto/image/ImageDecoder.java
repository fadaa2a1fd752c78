package cn.gdeea.examphoto.image;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/**
 * Decodes an uploaded photo (JPEG or PNG) into upright RGB pixels, or says in words a candidate
 * understands why it cannot. Cheap checks come first — size, type by content, complete file,
 * dimensions from the header — so a bad or hostile upload is refused before it costs memory.
 * Thread-safe: each call uses its own reader.
 */
@Component
public class ImageDecoder {

    /** Time spent here per call, for the latency split of an upload ({@code examphoto.stage} on /actuator/prometheus). */
    private static final Timer STAGE_TIMER = Timer.builder("examphoto.stage").tag("stage", "decode")
            .register(Metrics.globalRegistry);

    private static final Set<String> JPEG_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "jfif");
    private static final Set<String> PNG_EXTENSIONS = Set.of("png");

    private final ImageLimits limits;
    private final ImageReaderSpi jpegProvider;
    private final ImageReaderSpi pngProvider;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
        this.jpegProvider = twelveMonkeysJpeg();
        this.pngProvider = ImageIO.getImageReadersByFormatName("png").next().getOriginatingProvider();
    }

    /**
     * @param bytes    the uploaded file
     * @param fileName the name it was uploaded under, or {@code null}; only compared with the content
     * @throws ImageRejectedException when the bytes are not a usable JPEG or PNG photo
     */
    public DecodedImage decode(byte[] bytes, String fileName) {
        Timer.Sample started = Timer.start();
        try {
            return decodeUntimed(bytes, fileName);
        } finally {
            started.stop(STAGE_TIMER);
        }
    }

    private DecodedImage decodeUntimed(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException(ImageRejection.EMPTY);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejectedException(ImageRejection.TOO_LARGE_BYTES, megabytes(bytes.length), megabytes(limits.maxBytes()));
        }
        FileType type = FileType.of(bytes);
        switch (type) {
            case JPEG, PNG -> { }
            case HEIF -> throw new ImageRejectedException(ImageRejection.HEIC_UNSUPPORTED);
            case UNKNOWN -> throw new ImageRejectedException(ImageRejection.NOT_AN_IMAGE);
            default -> throw new ImageRejectedException(ImageRejection.UNSUPPORTED_TYPE, type.displayName());
        }
        switch (type == FileType.JPEG ? FileStructure.ofJpeg(bytes) : FileStructure.ofPng(bytes)) {
            case TRUNCATED -> throw new ImageRejectedException(ImageRejection.TRUNCATED);
            case MALFORMED -> throw new ImageRejectedException(ImageRejection.CORRUPT);
            case COMPLETE -> { }
        }
        RgbConversion.Result pixels = RgbConversion.convert(read(bytes, type));
        int orientation = ExifOrientation.read(bytes, type);
        return new DecodedImage(
                ExifOrientation.apply(pixels.image(), orientation),
                type == FileType.JPEG ? "jpeg" : "png",
                orientation,
                pixels.translucent(),
                extensionMismatch(fileName, type));
    }

    private BufferedImage read(byte[] bytes, FileType type) {
        ImageReader reader;
        try {
            reader = (type == FileType.JPEG ? jpegProvider : pngProvider).createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create an image reader", e);
        }
        CutOffWarnings warnings = new CutOffWarnings();
        reader.addIIOReadWarningListener(warnings);
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            checkDimensions(reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0);
            if (warnings.seen) {
                throw new ImageRejectedException(ImageRejection.TRUNCATED);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            // Decoders throw all sorts of runtime exceptions on crafted input; to the candidate it is one thing.
            throw new ImageRejectedException(ImageRejection.CORRUPT, e);
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height) {
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageRejectedException(ImageRejection.TOO_MANY_PIXELS,
                    String.valueOf(width), String.valueOf(height),
                    String.valueOf(limits.maxPixels() / 10_000), // 万 pixels for the Chinese text
                    String.format(Locale.ROOT, "%.0f", limits.maxPixels() / 1e6));
        }
        if (width > limits.maxSide() || height > limits.maxSide()) {
            throw new ImageRejectedException(ImageRejection.SIDE_TOO_LONG,
                    String.valueOf(width), String.valueOf(height), String.valueOf(limits.maxSide()));
        }
    }

    private static boolean extensionMismatch(String fileName, FileType type) {
        if (fileName == null) {
            return false;
        }
        String name = fileName.strip();
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1 || name.indexOf('/', dot) >= 0 || name.indexOf('\\', dot) >= 0) {
            return false; // "blob", "image": browsers and WeChat often send names without a type
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return !(type == FileType.JPEG ? JPEG_EXTENSIONS : PNG_EXTENSIONS).contains(extension);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * TwelveMonkeys, not the JDK's reader: it decodes CMYK/YCCK and Adobe JPEGs and converts
     * embedded colour profiles. Looked up once so a missing plugin fails at start-up, not per upload.
     */
    private static ImageReaderSpi twelveMonkeysJpeg() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        JPEGImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
        if (spi == null) {
            // The registry scans the class path of whichever thread first touched ImageIO; rescan ours.
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(ImageDecoder.class.getClassLoader());
            try {
                ImageIO.scanForPlugins();
            } finally {
                thread.setContextClassLoader(previous);
            }
            spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
        }
        if (spi == null) {
            throw new IllegalStateException("the TwelveMonkeys JPEG reader is not on the class path");
        }
        return spi;
    }

    /** The JPEG decoder reports running out of data as a warning and fills the rest with grey. */
    private static final class CutOffWarnings implements IIOReadWarningListener {
        boolean seen;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncated")) {
                seen = true;
            }
        }
    }
}
