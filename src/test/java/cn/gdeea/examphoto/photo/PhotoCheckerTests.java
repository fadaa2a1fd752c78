package cn.gdeea.examphoto.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.ImageDecoder;
import cn.gdeea.examphoto.image.ImageLimits;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.internal.Checks;
import cn.gdeea.examphoto.photo.internal.PhotoCheck;
import cn.gdeea.examphoto.photo.internal.SyntheticFaces;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoCheckerTests {

    private final FaceEngine engine = mock(FaceEngine.class);
    private final PhotoChecker checker = new PhotoChecker(engine, new ImageDecoder(ImageLimits.defaults()), CheckSettings.defaults());
    private final RgbImage photo = SyntheticFaces.grey(900, 1200, (x, y) -> 200);

    @Test
    void aFileThatIsNotAPhotoFailsTheImageCheckAlone() {
        PhotoCheckReport report = checker.check("not a photo".getBytes(StandardCharsets.UTF_8), "photo.jpg");
        assertThat(report.pass()).isFalse();
        assertThat(report.checks()).extracting(CheckResult::id).containsExactly("image");
        assertThat(report.checks().get(0).message()).isNotBlank();
        assertThat(report.checks().get(0).messageEn()).isNotBlank();
        verifyNoInteractions(engine);
    }

    @Test
    void withoutAFaceStopsAfterSingleFace() throws Exception {
        when(engine.detect(any())).thenReturn(List.of());
        PhotoCheckReport report = checker.check(png(photo), "photo.png");
        assertThat(report.checks()).extracting(CheckResult::id).containsExactly("image", "single_face");
        assertThat(report.checks().get(0).pass()).isTrue();
        assertThat(report.pass()).isFalse();
        assertThat(report.face()).isNull();
    }

    @Test
    void withOneFaceRunsEveryRegisteredCheckFailuresFirst() {
        DetectedFace face = SyntheticFaces.face(SyntheticFaces.frontal(450, 500, 150));
        when(engine.detect(any())).thenReturn(List.of(face));
        PhotoCheckReport report = checker.check(photo);
        List<String> expected = new ArrayList<>(List.of("image", "single_face"));
        Checks.all().stream().map(PhotoCheck::id).forEach(expected::add);
        assertThat(report.checks()).extracting(CheckResult::id).containsExactlyInAnyOrderElementsOf(expected);
        int firstPass = report.checks().indexOf(report.checks().stream().filter(CheckResult::pass).findFirst().orElseThrow());
        assertThat(report.checks().subList(firstPass, report.checks().size())).allMatch(CheckResult::pass);
        assertThat(report.checks().subList(0, firstPass)).noneMatch(CheckResult::pass);
        assertThat(report.face()).isSameAs(face);
        assertThat(report.image()).isSameAs(photo);
        assertThat(report.faces()).isEqualTo(1);
    }

    @Test
    void aDarkPhotoWithoutAFaceIsToldItIsTooDarkRatherThanThatThereIsNoFace() {
        when(engine.detect(any())).thenReturn(List.of());
        PhotoCheckReport report = checker.check(SyntheticFaces.grey(900, 1200, (x, y) -> 18));
        assertThat(report.reasons()).extracting(CheckResult::id).containsExactly("exposure");
        assertThat(report.reasons().get(0).reason()).contains("太暗");
        CheckResult singleFace = report.checks().stream().filter(c -> c.id().equals("single_face")).findFirst().orElseThrow();
        assertThat(singleFace.pass()).isFalse();
        assertThat(singleFace.causedBy()).isEqualTo("exposure");
    }

    @Test
    void aPlainPhotoWithoutAFaceIsToldThereIsNoFace() {
        when(engine.detect(any())).thenReturn(List.of());
        PhotoCheckReport report = checker.check(photo);
        assertThat(report.reasons()).extracting(CheckResult::id).containsExactly("single_face");
        assertThat(report.reasons().get(0).reason()).isEqualTo("未检测到人脸");
        assertThat(report.reasons().get(0).advice()).isNotBlank();
    }

    private static byte[] png(RgbImage image) throws Exception {
        var buffered = new java.awt.image.BufferedImage(image.width(), image.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                buffered.setRGB(x, y, image.sample(x, y, 0) << 16 | image.sample(x, y, 1) << 8 | image.sample(x, y, 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(buffered, "png", out);
        return out.toByteArray();
    }
}
