package cn.gdeea.examphoto.image;

import static cn.gdeea.examphoto.image.TestImages.blocks;
import static cn.gdeea.examphoto.image.TestImages.jpeg;
import static cn.gdeea.examphoto.image.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTests {

    private static final Color RED = new Color(220, 30, 30);
    private static final Color GREEN = new Color(30, 200, 40);
    private static final Color BLUE = new Color(30, 40, 220);
    private static final Color YELLOW = new Color(230, 220, 30);
    private static final Color MAGENTA = new Color(210, 40, 200);
    private static final Color CYAN = new Color(40, 210, 220);

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    @Test
    void decodesJpegToTheColoursItWasWrittenWith() {
        DecodedImage decoded = decoder.decode(jpeg(blocks(3, 2, 16, RED, GREEN, BLUE, YELLOW, MAGENTA, CYAN), 0.95f), "photo.jpg");

        assertThat(decoded.format()).isEqualTo("jpeg");
        assertThat(decoded.image().width()).isEqualTo(48);
        assertThat(decoded.image().height()).isEqualTo(32);
        assertThat(decoded.exifOrientation()).isEqualTo(1);
        assertThat(decoded.hadAlpha()).isFalse();
        assertThat(decoded.extensionMismatch()).isFalse();
        assertColour(decoded.image(), 8, 8, RED);
        assertColour(decoded.image(), 40, 8, BLUE);
        assertColour(decoded.image(), 24, 24, MAGENTA);
    }

    @Test
    void decodesRgbPngExactly() {
        BufferedImage source = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                source.setRGB(x, y, random.nextInt(1 << 24));
            }
        }

        DecodedImage decoded = decoder.decode(png(source), "photo.png");

        assertThat(decoded.format()).isEqualTo("png");
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                int rgb = source.getRGB(x, y);
                assertThat(new int[] {decoded.image().sample(x, y, 0), decoded.image().sample(x, y, 1), decoded.image().sample(x, y, 2)})
                        .containsExactly((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
            }
        }
    }

    @Test
    void turnsGreyJpegAndPngIntoEqualChannelsWithoutChangingTheLevel() {
        BufferedImage grey = new BufferedImage(32, 16, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = grey.getRaster();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setSample(x, y, 0, x < 16 ? 60 : 200);
            }
        }

        RgbImage fromPng = decoder.decode(png(grey), "grey.png").image();
        RgbImage fromJpeg = decoder.decode(jpeg(grey, 0.95f), "grey.jpg").image();

        // Grey 60 must stay 60: a linear-light conversion would brighten it to about 135.
        assertThat(channels(fromPng, 4, 4)).containsExactly(60, 60, 60);
        assertThat(channels(fromPng, 20, 4)).containsExactly(200, 200, 200);
        int[] dark = channels(fromJpeg, 4, 8);
        assertThat(dark[0]).isEqualTo(dark[1]).isEqualTo(dark[2]).isCloseTo(60, within(3));
    }

    @Test
    void reducesSixteenBitPngsToEightBitsPerChannel() {
        BufferedImage grey16 = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(3, 3, 0, 0x8080);
        ComponentColorModel rgb16Model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster rgb16Raster = rgb16Model.createCompatibleWritableRaster(8, 8);
        rgb16Raster.setPixel(3, 3, new int[] {0xFFFF, 0x4000, 0x0101});
        BufferedImage rgb16 = new BufferedImage(rgb16Model, rgb16Raster, false, null);

        assertThat(channels(decoder.decode(png(grey16), "g.png").image(), 3, 3)).containsExactly(128, 128, 128);
        assertThat(channels(decoder.decode(png(rgb16), "c.png").image(), 3, 3)).containsExactly(255, 64, 1);
    }

    @Test
    void decodesPalettePngs() {
        byte[] r = {(byte) 250, 10, 0};
        byte[] g = {10, (byte) 240, 0};
        byte[] b = {10, 20, (byte) 255};
        BufferedImage indexed = new BufferedImage(6, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b));
        for (int x = 0; x < 6; x++) {
            indexed.getRaster().setSample(x, 0, 0, x / 2);
        }

        RgbImage image = decoder.decode(png(indexed), "palette.png").image();

        assertThat(channels(image, 0, 0)).containsExactly(250, 10, 10);
        assertThat(channels(image, 2, 0)).containsExactly(10, 240, 20);
        assertThat(channels(image, 5, 0)).containsExactly(0, 0, 255);
    }

    @Test
    void compositesTransparentPngOverWhiteAndSaysSo() {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000); // fully transparent black
        argb.setRGB(1, 0, 0x80000000); // half-transparent black
        argb.setRGB(2, 0, 0xFF102030); // opaque

        DecodedImage decoded = decoder.decode(png(argb), "cutout.png");

        assertThat(decoded.hadAlpha()).isTrue();
        assertThat(channels(decoded.image(), 0, 0)).containsExactly(255, 255, 255);
        assertThat(channels(decoded.image(), 1, 0)).containsExactly(127, 127, 127);
        assertThat(channels(decoded.image(), 2, 0)).containsExactly(0x10, 0x20, 0x30);
    }

    @Test
    void doesNotReportAlphaWhenEveryPixelIsOpaque() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                argb.setRGB(x, y, 0xFF336699);
            }
        }

        DecodedImage decoded = decoder.decode(png(argb), "opaque.png");

        assertThat(decoded.hadAlpha()).isFalse();
        assertThat(channels(decoded.image(), 1, 1)).containsExactly(0x33, 0x66, 0x99);
    }

    @Test
    void convertsAdobeCmykJpegsToRgb() {
        assertCmykColumns(decoder.decode(TestImages.adobeJpeg(CMYK_COLUMNS, false), "cmyk.jpg").image());
    }

    @Test
    void convertsAdobeYcckJpegsToRgb() {
        assertCmykColumns(decoder.decode(TestImages.adobeJpeg(CMYK_COLUMNS, true), "ycck.jpg").image());
    }

    private static final int[][] CMYK_COLUMNS = {{0, 0, 0, 0}, {255, 0, 0, 0}, {0, 0, 0, 255}, {0, 255, 255, 0}, {0, 0, 255, 0}};

    private static void assertCmykColumns(RgbImage image) {
        assertThat(image.width()).isEqualTo(80);
        assertColour(image, 8, 8, Color.WHITE);
        assertColour(image, 24, 8, Color.CYAN);
        assertColour(image, 40, 8, Color.BLACK);
        assertColour(image, 56, 8, Color.RED);
        assertColour(image, 72, 8, Color.YELLOW);
    }

    /** Where the stored top-left (red) and top-right (blue) blocks must end up once upright. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, TL, TR", "2, TR, TL", "3, BR, BL", "4, BL, BR",
            "5, TL, BL", "6, TR, BR", "7, BR, TR", "8, BL, TL"})
    void turnsThePhotoUprightByItsExifOrientation(int orientation, String redCorner, String blueCorner) {
        byte[] stored = jpeg(blocks(3, 2, 16, RED, GREEN, BLUE, YELLOW, MAGENTA, CYAN), 0.95f);

        DecodedImage decoded = decoder.decode(TestImages.withExifOrientation(stored, orientation), "photo.jpg");

        boolean quarterTurn = orientation >= 5;
        assertThat(decoded.exifOrientation()).isEqualTo(orientation);
        assertThat(decoded.image().width()).isEqualTo(quarterTurn ? 32 : 48);
        assertThat(decoded.image().height()).isEqualTo(quarterTurn ? 48 : 32);
        assertCornerColour(decoded.image(), redCorner, RED);
        assertCornerColour(decoded.image(), blueCorner, BLUE);
    }

    @Test
    void keepsThePhotoAsStoredWhenTheOrientationTagHoldsNonsense() {
        byte[] stored = jpeg(blocks(3, 2, 16, RED, GREEN, BLUE, YELLOW, MAGENTA, CYAN), 0.95f);

        DecodedImage decoded = decoder.decode(TestImages.withExifOrientation(stored, 9), "photo.jpg");

        assertThat(decoded.exifOrientation()).isEqualTo(1);
        assertCornerColour(decoded.image(), "TL", RED);
    }

    @Test
    void acceptsJpegsWithDataAfterTheEndOfImage() {
        // Motion photos and gain-map photos append a video or a second image after EOI.
        byte[] stored = jpeg(blocks(1, 1, 16, GREEN), 0.9f);

        DecodedImage decoded = decoder.decode(TestImages.concat(stored, "ftypmp42 trailing video".getBytes()), "motion.jpg");

        assertColour(decoded.image(), 8, 8, GREEN);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {
            "photo.jpg, false", "IMG_0001.JPEG, false", "photo.jfif, false", "blob, false", "null, false",
            "photo.png, true", "photo.exe, true", "photo.txt, true", "photo.gif, true", "photo.jpg.exe, true"})
    void decidesByContentAndOnlyNotesAMismatchingExtension(String fileName, boolean mismatch) {
        DecodedImage decoded = decoder.decode(jpeg(blocks(1, 1, 16, GREEN), 0.9f), fileName);

        assertThat(decoded.format()).isEqualTo("jpeg");
        assertThat(decoded.extensionMismatch()).isEqualTo(mismatch);
    }

    @Test
    void decodesSafelyFromManyThreadsAtOnce() throws Exception {
        List<byte[]> files = List.of(
                jpeg(blocks(1, 1, 64, RED), 0.9f), png(blocks(1, 1, 64, BLUE)),
                TestImages.adobeJpeg(CMYK_COLUMNS, false), jpeg(blocks(1, 1, 64, GREEN), 0.9f));
        List<Color> expected = List.of(RED, BLUE, Color.WHITE, GREEN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RgbImage>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] file = files.get(i % 4);
                results.add(pool.submit(() -> decoder.decode(file, null).image()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertColour(results.get(i).get(), 8, 8, expected.get(i % 4));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decodesAPhoneSizedJpegQuickly() {
        byte[] file = jpeg(TestImages.photoLike(1600, 1200, 1), 0.9f);
        byte[] portrait = TestImages.withExifOrientation(file, 6);
        for (int i = 0; i < 15; i++) {
            decoder.decode(file, "warm-up.jpg");
            decoder.decode(portrait, "warm-up.jpg");
        }

        double landscapeMillis = medianMillis(file, 20);
        double portraitMillis = medianMillis(portrait, 20);

        System.out.printf("1600×1200 JPEG of %d KB: median decode %.1f ms as stored, %.1f ms with orientation 6%n",
                file.length / 1024, landscapeMillis, portraitMillis);
        // Loose bound: the build machine is shared; the figure to watch is the one printed.
        assertThat(landscapeMillis).isLessThan(150);
    }

    private double medianMillis(byte[] file, int runs) {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            decoder.decode(file, "photo.jpg");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    }

    @Test
    void decodesTheRealPhotosOfTheTestSet() throws IOException {
        String folder = cn.gdeea.examphoto.support.FaceData.requireFolder().toString();
        List<Path> photos;
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            photos = files.filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.(jpe?g|png)")).sorted().toList();
        }
        assertThat(photos).hasSizeGreaterThan(100);

        int decoded = 0;
        for (Path photo : photos) {
            byte[] bytes = Files.readAllBytes(photo);
            if (new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("RIFF")) {
                // deepface/img47.jpg is a WebP under a .jpg name.
                assertThatThrownBy(() -> decoder.decode(bytes, photo.getFileName().toString()))
                        .isInstanceOfSatisfying(ImageRejectedException.class,
                                e -> assertThat(e.code()).isEqualTo("image.unsupported_type"));
                continue;
            }
            DecodedImage image = decoder.decode(bytes, photo.getFileName().toString());
            BufferedImage reference = ImageIO.read(photo.toFile());
            boolean quarterTurn = image.exifOrientation() >= 5;
            assertThat(image.image().width()).as(photo.toString()).isEqualTo(quarterTurn ? reference.getHeight() : reference.getWidth());
            assertThat(image.extensionMismatch()).as(photo.toString()).isFalse();
            decoded++;
        }
        assertThat(decoded).isEqualTo(photos.size() - 1);
    }

    static int[] channels(RgbImage image, int x, int y) {
        return new int[] {image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)};
    }

    static void assertColour(RgbImage image, int x, int y, Color expected) {
        assertThat(channels(image, x, y)).as("pixel (%d, %d)", x, y)
                .satisfies(c -> assertThat(c[0]).isCloseTo(expected.getRed(), within(14)))
                .satisfies(c -> assertThat(c[1]).isCloseTo(expected.getGreen(), within(14)))
                .satisfies(c -> assertThat(c[2]).isCloseTo(expected.getBlue(), within(14)));
    }

    private static void assertCornerColour(RgbImage image, String corner, Color expected) {
        int x = corner.charAt(1) == 'L' ? 4 : image.width() - 5;
        int y = corner.charAt(0) == 'T' ? 4 : image.height() - 5;
        assertColour(image, x, y, expected);
    }
}
