package cn.gdeea.examphoto.face;

import cn.gdeea.examphoto.support.FaceData;
import cn.gdeea.examphoto.support.Skip;
import cn.gdeea.examphoto.face.FaceApiReference.RawOutputs;
import cn.gdeea.examphoto.face.FaceApiReference.ReferenceFace;
import cn.gdeea.examphoto.face.FaceApiReference.ReferenceFaces;
import cn.gdeea.examphoto.image.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that the Node face-api harness runs and gives sensible answers on real photos. */
class FaceApiReferenceTests {

    // pairs.tsv: img1/img2 are the same person (deepface_p01), img1/img12 are listed as different.
    private static final String SAME_A = "deepface/img1.jpg";
    private static final String SAME_B = "deepface/img2.jpg";
    private static final String OTHER = "deepface/img12.jpg";

    private static Path faces;

    @BeforeAll
    static void requireHarness() {
        FaceApiReference.unavailableReason().ifPresent(Skip::because);
        faces = FaceData.requireFolder();
    }

    @Test
    void findsOneFacePerPortraitAndSeparatesIdentities() throws IOException {
        List<ReferenceFaces> results = FaceApiReference.detect(List.of(read(SAME_A), read(SAME_B), read(OTHER)));

        assertThat(results).hasSize(3);
        for (ReferenceFaces result : results) {
            assertThat(result.faces()).hasSize(1);
            ReferenceFace face = result.faces().get(0);
            assertThat(face.score()).isBetween(0.5, 1.0);
            assertThat(face.landmarks()).hasSize(68);
            assertThat(face.box().area()).isPositive();
            assertThat(face.alignedBox().area()).isPositive();
            assertThat(face.descriptor()).hasSize(128);
            double norm = norm(face.descriptor());
            assertThat(Double.isFinite(norm)).as("descriptor norm %s is finite", norm).isTrue();
            assertThat(norm).isPositive();
        }

        float[] a = results.get(0).faces().get(0).descriptor();
        float[] b = results.get(1).faces().get(0).descriptor();
        float[] other = results.get(2).faces().get(0).descriptor();
        assertThat(distance(a, b)).as("same person").isLessThan(0.6);
        assertThat(distance(a, other)).as("different persons").isGreaterThan(0.6);
    }

    @Test
    void rawModeGivesEveryNetworkOutput() throws IOException {
        RawOutputs raw = FaceApiReference.raw(List.of(read(SAME_A))).get(0);

        assertThat(raw.ssdBoxes()).hasNumberOfRows(5118);
        assertThat(raw.ssdBoxes()[0]).hasSize(4);
        assertThat(raw.ssdScores()).hasSize(5118);
        float best = 0;
        for (float s : raw.ssdScores()) {
            best = Math.max(best, s);
        }
        assertThat(best).as("best SSD score on a portrait").isGreaterThan(0.5f);
        assertThat(raw.landmarks136()).hasSize(136);
        assertThat(raw.landmarksKind()).isIn("runNet", "postProcessed");
        assertThat(raw.descriptor()).hasSize(128);
    }

    private static RgbImage read(String relative) throws IOException {
        BufferedImage decoded = ImageIO.read(faces.resolve(relative).toFile());
        if (decoded == null) {
            throw new IOException("no ImageIO reader for " + relative);
        }
        // Drawing into a 3-byte BGR raster normalises whatever layout the decoder produced.
        BufferedImage bgr = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData().clone();
        for (int i = 0; i < pixels.length; i += 3) {
            byte blue = pixels[i];
            pixels[i] = pixels[i + 2];
            pixels[i + 2] = blue;
        }
        return new RgbImage(bgr.getWidth(), bgr.getHeight(), pixels);
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
