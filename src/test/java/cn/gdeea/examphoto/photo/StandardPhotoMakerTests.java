package cn.gdeea.examphoto.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.image.Images;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.StandardPhoto.Measure;
import cn.gdeea.examphoto.photo.StandardPhoto.Misfit;
import cn.gdeea.examphoto.support.FaceData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Makes standard photos from real photos of the face set and measures the files as a receiving
 * system would: decodes the JPEG, reads its headers and finds the face in it again.
 */
class StandardPhotoMakerTests {

    private static final StandardPhotoSettings STANDARD = StandardPhotoSettings.defaults();
    private static FaceEngine engine;

    @BeforeAll
    static void loadEngine() {
        FaceData.requireFolder();
        engine = FaceEngine.load();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "deepface/img1.jpg",                                      // 1382×1868 portrait
        "deepface/img40.jpg",                                     // 3061×4600, shrunk about 6×
        "deepface/img5.jpg",                                      // 330×512, slightly enlarged
        "deepface/img22.jpg",                                     // face near the right edge
        "deepface/img11.jpg",                                     // head tilted 16°
        "deepface/img49.jpg",                                     // 4352×2903 landscape
        "face_recognition/knn_examples/train/kit_harington/john1.jpeg", // small face at the top edge
        "face_recognition/obama_small.jpg",                       // 320×240, enlarged 2×
    })
    void meetsTheGaokaoStandardWhenMeasuredInTheWrittenFile(String source) throws IOException {
        RgbImage photo = FaceData.image(source);
        StandardPhoto standard = new StandardPhotoMaker(STANDARD).make(photo, onlyFace(photo));
        byte[] file = standard.jpeg();
        writeForInspection(source, file);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(file));
        assertThat(decoded).as("decodable JPEG").isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(480);
        assertThat(decoded.getHeight()).isEqualTo(640);
        assertThat(decoded.getColorModel().getNumComponents()).as("24-bit colour").isEqualTo(3);
        assertThat(file.length).as("file size").isBetween(20_480, 40_000).isEqualTo(standard.bytes());

        List<Segment> headers = headerSegments(file);
        assertThat(headers).as("no EXIF (APP1) or other metadata").extracting(Segment::marker)
                .doesNotContain(0xE1).contains(0xE0);
        Segment jfif = headers.stream().filter(s -> s.marker() == 0xE0).findFirst().orElseThrow();
        assertThat(new String(jfif.data(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("JFIF\0");
        assertThat(jfif.data()[7]).as("density unit: dots per inch").isEqualTo((byte) 1);
        assertThat(u16(jfif.data(), 8)).as("x density").isEqualTo(300);
        assertThat(u16(jfif.data(), 10)).as("y density").isEqualTo(300);
        assertThat(headers).as("baseline DCT (SOF0)").extracting(Segment::marker).contains(0xC0);
        assertThat(standard.quality()).isBetween(60, 100);

        FaceLandmarks found = onlyFace(Images.fromBufferedImage(decoded)).landmarks();
        double eyeLine = (found.leftEyeCenter().y() + found.rightEyeCenter().y()) / 2;
        double faceWidth = found.points().get(0).distanceTo(found.points().get(16));
        double roll = rollDegrees(found);
        System.out.printf("standard photo %-62s eye line %5.1f (made %5.1f)  face width %5.1f (made %5.1f)  "
                        + "roll %5.2f°  top of head ≈ %5.1f  quality %d  %d bytes%n",
                source, eyeLine, standard.eyeLineY(), faceWidth, standard.faceWidth(), roll,
                standard.hairlineY(), standard.quality(), file.length);
        assertThat(eyeLine).as("eye line, re-detected").isBetween(200.0, 300.0).isCloseTo(270.0, offset(8.0));
        assertThat(faceWidth).as("face width, re-detected").isBetween(180.0, 300.0).isCloseTo(220.0, offset(10.0));
        assertThat(Math.abs(roll)).as("eyes level, degrees").isLessThan(2.0);
        assertThat(Math.abs((found.points().get(0).x() + found.points().get(16).x()) / 2 - 240))
                .as("face centred horizontally").isLessThan(10.0);
        assertThat(standard.hairlineY()).as("estimated top of head").isBetween(50.0, 110.0);
        assertThat(standard.fits()).as("misfits %s", standard.misfits()).isTrue();
    }

    @Test
    void fillsWhatThePhotoDoesNotCoverWithTheConfiguredBackground() throws IOException {
        StandardPhotoSettings lightBlue = settings(Map.of("background", "#64C5FF"));
        RgbImage photo = FaceData.image("face_recognition/obama_small.jpg"); // 320×240: covers only a band of the output
        StandardPhoto standard = new StandardPhotoMaker(lightBlue).make(photo, onlyFace(photo));

        RgbImage decoded = decode(standard.jpeg());
        for (int[] xy : new int[][] {{5, 5}, {240, 5}, {474, 5}, {5, 634}, {240, 634}, {474, 634}}) {
            assertThat(decoded.sample(xy[0], xy[1], 0)).as("red at %s,%s", xy[0], xy[1]).isBetween(94, 106);
            assertThat(decoded.sample(xy[0], xy[1], 1)).as("green at %s,%s", xy[0], xy[1]).isBetween(191, 203);
            assertThat(decoded.sample(xy[0], xy[1], 2)).as("blue at %s,%s", xy[0], xy[1]).isGreaterThan(248);
        }
        assertThat(decoded.sample(240, 270, 2)).as("the face is not background").isLessThan(200);
    }

    @Test
    void keepsTheHeadsTiltWhenLevellingIsTurnedOff() {
        RgbImage photo = FaceData.image("deepface/img11.jpg"); // eyes tilted about 16°
        DetectedFace face = onlyFace(photo);
        StandardPhotoSettings unlevelled = settings(Map.of("level-eyes", "false"));

        StandardPhoto standard = new StandardPhotoMaker(unlevelled).make(photo, face);

        RgbImage decoded = decode(standard.jpeg());
        assertThat(rollDegrees(onlyFace(decoded).landmarks()))
                .isCloseTo(rollDegrees(face.landmarks()), offset(2.0));
        assertThat(standard.eyeLineY()).isCloseTo(270.0, offset(0.01));
    }

    @Test
    void reportsEveryMeasureOutsideItsWindow() {
        // A face this big and this high leaves no room for the head; a 1–2 KB file is out of reach at quality 60.
        StandardPhotoSettings cramped = settings(Map.of("eye-line-y", "200", "face-width", "300",
                "min-bytes", "1000", "max-bytes", "2000"));
        RgbImage photo = FaceData.image("deepface/img1.jpg");

        StandardPhoto standard = new StandardPhotoMaker(cramped).make(photo, onlyFace(photo));

        assertThat(standard.fits()).isFalse();
        assertThat(standard.misfits()).extracting(Misfit::measure).containsExactly(Measure.HAIRLINE_Y, Measure.BYTES);
        assertThat(standard.hairlineY()).isLessThan(50);
        assertThat(standard.bytes()).isGreaterThan(2_000);
        assertThat(standard.quality()).as("quality is never lowered below the minimum").isEqualTo(60);
    }

    @Test
    void defaultsAreWhatSpringBindsFromAnEmptyConfiguration() {
        StandardPhotoSettings bound = new Binder().bindOrCreate("examphoto.standard-photo", StandardPhotoSettings.class);

        assertThat(StandardPhotoSettings.defaults()).isEqualTo(bound);
        assertThat(bound.backgroundRgb()).isEqualTo(0xFFFFFF);
    }

    /** The defaults with some properties set, bound as Spring binds application properties. */
    private static StandardPhotoSettings settings(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((key, value) -> prefixed.put("examphoto.standard-photo." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("examphoto.standard-photo", StandardPhotoSettings.class);
    }

    private static DetectedFace onlyFace(RgbImage image) {
        List<DetectedFace> faces = engine.detect(image);
        assertThat(faces).as("faces found").hasSize(1);
        return faces.get(0);
    }

    private static RgbImage decode(byte[] jpeg) {
        try {
            return Images.fromBufferedImage(ImageIO.read(new ByteArrayInputStream(jpeg)));
        } catch (IOException e) {
            throw new AssertionError("standard photo does not decode", e);
        }
    }

    private static double rollDegrees(FaceLandmarks landmarks) {
        Point left = landmarks.leftEyeCenter();
        Point right = landmarks.rightEyeCenter();
        return Math.toDegrees(Math.atan2(right.y() - left.y(), right.x() - left.x()));
    }

    private record Segment(int marker, byte[] data) {
    }

    /** The marker segments from SOI up to the start of scan, read independently of the encoder. */
    private static List<Segment> headerSegments(byte[] jpeg) {
        assertThat(u16(jpeg, 0)).as("SOI").isEqualTo(0xFFD8);
        List<Segment> segments = new ArrayList<>();
        int i = 2;
        while (true) {
            assertThat(jpeg[i] & 0xFF).as("marker at %s", i).isEqualTo(0xFF);
            int marker = jpeg[i + 1] & 0xFF;
            int length = u16(jpeg, i + 2);
            segments.add(new Segment(marker, Arrays.copyOfRange(jpeg, i + 4, i + 2 + length)));
            if (marker == 0xDA) {
                return segments;
            }
            i += 2 + length;
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static void writeForInspection(String source, byte[] jpeg) throws IOException {
        try {
            Path build = Path.of(StandardPhotoMakerTests.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
            Path dir = Files.createDirectories(build.resolve("standard-photos"));
            Files.write(dir.resolve(source.replace('/', '_').replaceAll("\\.(jpe?g|png)$", "") + ".jpg"), jpeg);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
