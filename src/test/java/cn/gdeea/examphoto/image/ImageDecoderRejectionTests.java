package cn.gdeea.examphoto.image;

import static cn.gdeea.examphoto.image.TestImages.blocks;
import static cn.gdeea.examphoto.image.TestImages.jpeg;
import static cn.gdeea.examphoto.image.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way an upload can fail gets its own code and a message in both languages, and costs little. */
class ImageDecoderRejectionTests {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
    private final byte[] photo = jpeg(TestImages.photoLike(320, 240, 3), 0.9f);

    @Test
    void rejectsAnEmptyFile() {
        assertRejected(decoder, new byte[0], "photo.jpg", "image.empty");
        assertRejected(decoder, null, "photo.jpg", "image.empty");
    }

    @Test
    void rejectsAFileOverTheByteLimitWithBothSizesInTheMessage() {
        ImageDecoder strict = new ImageDecoder(new ImageLimits(photo.length - 1, 40_000_000, 10_000));

        ImageRejectedException rejected = assertRejected(strict, photo, "photo.jpg", "image.too_large_bytes");

        assertThat(rejected.messageEn()).contains("MB");
        assertThat(rejected.messageZh()).contains("MB");
    }

    @Test
    void rejectsRandomBytesAsNotAnImage() {
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        noise[0] = 0x12; // keep clear of any signature by chance

        assertRejected(decoder, noise, "photo.jpg", "image.not_an_image");
    }

    @Test
    void rejectsATextFileNamedLikeAPhoto() {
        byte[] text = "考生号 2025440101\nThis is not a photo.\n".getBytes(StandardCharsets.UTF_8);

        assertRejected(decoder, text, "photo.jpg", "image.not_an_image");
    }

    @Test
    void rejectsHeicWithAdviceToSwitchTheCameraToJpeg() {
        ImageRejectedException heic = assertRejected(decoder, isoMedia("heic", "mif1", "heic"), "IMG_0001.HEIC", "image.heic_unsupported");
        assertRejected(decoder, isoMedia("mif1", "mif1", "heic"), "IMG_0001.jpg", "image.heic_unsupported");

        assertThat(heic.messageZh()).contains("兼容性最佳");
        assertThat(heic.messageEn()).contains("'Most Compatible' (JPEG)");
    }

    static Stream<Arguments> otherTypes() {
        BufferedImage small = blocks(1, 1, 8, Color.ORANGE);
        return Stream.of(
                Arguments.of("GIF", imageIo(small, "gif")),
                Arguments.of("BMP", imageIo(small, "bmp")),
                Arguments.of("TIFF", imageIo(small, "tiff")),
                Arguments.of("WebP", TestImages.concat("RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), new byte[32])),
                Arguments.of("AVIF", isoMedia("avif", "mif1", "avif")),
                Arguments.of("MP4/MOV", isoMedia("isom", "isom", "mp42")),
                Arguments.of("PDF", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherTypes")
    void rejectsOtherFileTypesByContentNamingTheType(String type, byte[] file) {
        ImageRejectedException rejected = assertRejected(decoder, file, "photo.jpg", "image.unsupported_type");

        assertThat(rejected.messageEn()).contains(type);
        assertThat(rejected.messageZh()).contains(type);
    }

    @Test
    void rejectsAJpegCutOffMidway() {
        assertRejected(decoder, Arrays.copyOf(photo, photo.length / 2), "photo.jpg", "image.truncated");
        assertRejected(decoder, Arrays.copyOf(photo, 300), "photo.jpg", "image.truncated");
    }

    @Test
    void rejectsAJpegMissingOnlyItsEndMarker() {
        assertRejected(decoder, Arrays.copyOf(photo, photo.length - 2), "photo.jpg", "image.truncated");
    }

    @Test
    void rejectsAPngCutOffInItsImageDataOrBeforeItsEnd() {
        byte[] file = png(TestImages.photoLike(64, 64, 5));

        assertRejected(decoder, Arrays.copyOf(file, file.length / 2), "photo.png", "image.truncated");
        assertRejected(decoder, Arrays.copyOf(file, file.length - 12), "photo.png", "image.truncated");
    }

    @Test
    void rejectsAJpegWithoutAnImageFrameAsCorrupt() {
        byte[] headerOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 4, 'h', 'i', (byte) 0xFF, (byte) 0xD9};

        assertRejected(decoder, headerOnly, "photo.jpg", "image.corrupt");
    }

    @Test
    void rejectsAPngWhoseImageDataIsGarbageAsCorrupt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(TestImages.pngBomb(16, 16), 8 + 25)); // signature and IHDR
        TestImages.chunk(out, "IDAT", "definitely not zlib".getBytes(StandardCharsets.ISO_8859_1));
        TestImages.chunk(out, "IEND", new byte[0]);

        assertRejected(decoder, out.toByteArray(), "photo.png", "image.corrupt");
    }

    @Test
    void refusesAHugeJpegFromItsHeaderWithoutDecodingIt() {
        byte[] huge = TestImages.withDeclaredJpegSize(photo, 20_000, 20_000);

        ImageRejectedException rejected = assertRefusedCheaply(huge, "image.too_many_pixels");

        assertThat(rejected.messageEn()).contains("20000×20000", "40 megapixels");
        assertThat(rejected.messageZh()).contains("20000×20000", "4000 万像素");
    }

    @Test
    void refusesAPngDecompressionBombFromItsHeader() {
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertThat(bomb.length).isLessThan(2048);

        assertRefusedCheaply(bomb, "image.too_many_pixels");
    }

    @Test
    void refusesAHighlyCompressiblePngOverThePixelLimitBeforeInflatingIt() {
        ImageDecoder strict = new ImageDecoder(new ImageLimits(15L << 20, 1_000_000, 10_000));
        byte[] blank = png(new BufferedImage(2000, 2000, BufferedImage.TYPE_3BYTE_BGR));
        assertThat(blank.length).isLessThan(100_000);

        long before = allocatedBytes();
        assertRejected(strict, blank, "blank.png", "image.too_many_pixels");

        assertThat(allocatedBytes() - before).isLessThan(8L << 20); // decoding would take 24 MB for the two pixel copies alone
    }

    @Test
    void refusesAPanoramaWhoseLongSideIsOverTheLimit() {
        byte[] panorama = TestImages.withDeclaredJpegSize(photo, 12_000, 1_000);

        ImageRejectedException rejected = assertRejected(decoder, panorama, "pano.jpg", "image.side_too_long");

        assertThat(rejected.messageZh()).contains("10000");
    }

    private ImageRejectedException assertRefusedCheaply(byte[] file, String code) {
        long before = allocatedBytes();
        long start = System.nanoTime();

        ImageRejectedException rejected = assertRejected(decoder, file, "photo", code);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(allocatedBytes() - before).isLessThan(16L << 20);
        return rejected;
    }

    static ImageRejectedException assertRejected(ImageDecoder decoder, byte[] file, String fileName, String code) {
        ImageRejectedException rejected;
        try {
            DecodedImage accepted = decoder.decode(file, fileName);
            throw new AssertionError("expected " + code + " but decoded a " + accepted.image().width() + "×" + accepted.image().height() + " image");
        } catch (ImageRejectedException e) {
            rejected = e;
        }
        assertThat(rejected.code()).isEqualTo(code);
        assertThat(rejected.messageZh()).isNotBlank().containsPattern("\\p{IsHan}").doesNotContain("{0}");
        assertThat(rejected.messageEn()).isNotBlank().doesNotContainPattern("\\p{IsHan}").doesNotContain("{0}");
        return rejected;
    }

    /** An ISO media file start: the ftyp box with a major and one compatible brand, then padding. */
    static byte[] isoMedia(String majorBrand, String... compatibleBrands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 16 + 4 * compatibleBrands.length;
        out.writeBytes(new byte[] {0, 0, 0, (byte) size});
        out.writeBytes(("ftyp" + majorBrand).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[4]);
        for (String brand : compatibleBrands) {
            out.writeBytes(brand.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }

    private static byte[] imageIo(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).as("writer for " + format).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
