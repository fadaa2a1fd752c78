package cn.gdeea.examphoto.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JpegEncoderTests {

    private static final int KB = 1024;

    private final RgbImage standardPhoto = Images.fromBufferedImage(TestImages.photoLike(480, 640, 2));

    @Test
    void writesABaselineJfifWithTheRequestedDensityAndNoOtherMetadata() {
        byte[] jpeg = JpegEncoder.encode(standardPhoto, 0.9f, 300);

        List<Integer> markers = markersBeforeScan(jpeg);
        assertThat(markers).startsWith(0xE0).contains(0xC0).doesNotContain(0xC1, 0xC2, 0xE1, 0xE2, 0xED, 0xFE);
        int app0 = 2;
        assertThat(new String(jpeg, app0 + 4, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("JFIF\0");
        assertThat(jpeg[app0 + 11]).as("density units: dots per inch").isEqualTo((byte) 1);
        assertThat(u16(jpeg, app0 + 12)).as("X density").isEqualTo(300);
        assertThat(u16(jpeg, app0 + 14)).as("Y density").isEqualTo(300);
        assertThat(jpeg[app0 + 16]).as("no thumbnail").isZero();
    }

    @Test
    void decodesBackToNearlyTheSamePixels() {
        RgbImage decoded = new ImageDecoder(ImageLimits.defaults()).decode(JpegEncoder.encode(standardPhoto, 0.95f, 300), null).image();

        assertThat(decoded.width()).isEqualTo(480);
        assertThat(decoded.height()).isEqualTo(640);
        double error = 0;
        for (int i = 0; i < decoded.pixels().length; i++) {
            error += Math.abs((decoded.pixels()[i] & 0xFF) - (standardPhoto.pixels()[i] & 0xFF));
        }
        assertThat(error / decoded.pixels().length).isLessThan(6);
    }

    @Test
    void writesSmallerFilesAtLowerQuality() {
        assertThat(JpegEncoder.encode(standardPhoto, 0.6f, 300).length).isLessThan(JpegEncoder.encode(standardPhoto, 0.9f, 300).length);
    }

    @Test
    void landsAStandardPhotoInsideTheTwentyToFortyKilobyteWindow() {
        EncodedJpeg encoded = JpegEncoder.encodeWithin(standardPhoto, 20 * KB, 40 * KB, 0.6f, 300);

        assertThat(encoded.withinWindow()).isTrue();
        assertThat(encoded.bytes().length).isBetween(20 * KB, 40 * KB);
        assertThat(encoded.quality()).isBetween(0.6f, 1f);
        // The highest quality that fits: a little more would not.
        assertThat(JpegEncoder.encode(standardPhoto, Math.min(1f, encoded.quality() + 0.02f), 300).length).isGreaterThan(40 * KB);
        System.out.printf("480×640 standard photo: %d bytes at quality %.3f%n", encoded.bytes().length, encoded.quality());
    }

    @Test
    void neverGoesBelowTheMinimumQualityAndSaysWhenTheFileStillDoesNotFit() {
        EncodedJpeg encoded = JpegEncoder.encodeWithin(standardPhoto, 1 * KB, 5 * KB, 0.6f, 300);

        assertThat(encoded.withinWindow()).isFalse();
        assertThat(encoded.quality()).isEqualTo(0.6f);
        assertThat(encoded.bytes()).isEqualTo(JpegEncoder.encode(standardPhoto, 0.6f, 300));
    }

    @Test
    void saysWhenAFlatImageStaysUnderTheWindowEvenAtFullQuality() {
        RgbImage white = Images.fromBufferedImage(whiteImage(480, 640));

        EncodedJpeg encoded = JpegEncoder.encodeWithin(white, 20 * KB, 40 * KB, 0.6f, 300);

        assertThat(encoded.withinWindow()).isFalse();
        assertThat(encoded.quality()).isEqualTo(1f);
        assertThat(encoded.bytes().length).isLessThan(20 * KB);
    }

    @Test
    void refusesQualityOrDensityOutOfRange() {
        assertThatThrownBy(() -> JpegEncoder.encode(standardPhoto, 1.1f, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpegEncoder.encode(standardPhoto, Float.NaN, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpegEncoder.encode(standardPhoto, 0.9f, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpegEncoder.encodeWithin(standardPhoto, 40 * KB, 20 * KB, 0.6f, 300)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsToAndFromBufferedImageWithoutLoss() {
        BufferedImage buffered = Images.toBufferedImage(standardPhoto);

        assertThat(buffered.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(buffered.getRGB(10, 20) & 0xFFFFFF).isEqualTo(
                (standardPhoto.sample(10, 20, 0) << 16) | (standardPhoto.sample(10, 20, 1) << 8) | standardPhoto.sample(10, 20, 2));
        assertThat(Images.fromBufferedImage(buffered).pixels()).isEqualTo(standardPhoto.pixels());
    }

    @Test
    void composesTranslucentBufferedImagesOverWhite() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0xFF000000);

        RgbImage rgb = Images.fromBufferedImage(argb);

        assertThat(rgb.sample(0, 0, 0)).isEqualTo(255);
        assertThat(rgb.sample(1, 0, 0)).isZero();
    }

    private static BufferedImage whiteImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static List<Integer> markersBeforeScan(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 3 < jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + u16(jpeg, i + 2);
        }
        return markers;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
