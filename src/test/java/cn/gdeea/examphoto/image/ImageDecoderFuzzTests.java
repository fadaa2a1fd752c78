package cn.gdeea.examphoto.image;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Fuzzes the upload decoder: every input is a decoded image within the limits or an
 * {@link ImageRejectedException}; nothing else escapes (no crash, no other exception, no
 * allocation past the pixel limits, which Jazzer would report as an OutOfMemoryError). The
 * inputs are raw bytes or real JPEG/PNG files with fuzzed dimensions and bytes overwritten, so
 * the fuzzer reaches past the signatures. Regression mode (every test run) replays the findings;
 * {@code JAZZER_FUZZ=1} fuzzes (README, "Fuzzing").
 */
class ImageDecoderFuzzTests {

    private static final ImageDecoder DECODER = new ImageDecoder(new ImageLimits(2L << 20, 4_000_000, 4000));

    @FuzzTest(maxDuration = "20s")
    void decodesOrRejectsEveryInput(FuzzedDataProvider data) {
        byte[] bytes = data.consumeBoolean() ? image(data) : data.consumeRemainingAsBytes();
        try {
            DecodedImage decoded = DECODER.decode(bytes, data.consumeBoolean() ? "a.jpg" : "a.png");
            if (decoded.image().width() > 4000 || decoded.image().height() > 4000) {
                throw new AssertionError("decoded past the side limit: " + decoded.image().width() + "×" + decoded.image().height());
            }
        } catch (ImageRejectedException expected) {
            // a clear error: the one answer for a file that is no usable photo
        }
    }

    private static byte[] image(FuzzedDataProvider data) {
        int width = data.consumeInt(1, 64);
        int height = data.consumeInt(1, 64);
        String format = data.pickValue(new String[] {"jpeg", "png"});
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, data.consumeInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
        }
        return bytes;
    }
}
