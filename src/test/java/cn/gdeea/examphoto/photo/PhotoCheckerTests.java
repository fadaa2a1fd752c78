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
    void withOneFaceRunsEveryRegisteredCheckInOrder() {
        DetectedFace face = SyntheticFaces.face(SyntheticFaces.frontal(450, 500, 150));
        when(engine.detect(any())).thenReturn(List.of(face));
        PhotoCheckReport report = checker.check(photo);
        List<String> expected = new ArrayList<>(List.of("image", "single_face"));
        Checks.all().stream().map(PhotoCheck::id).forEach(expected::add);
        assertThat(report.checks()).extracting(CheckResult::id).containsExactlyElementsOf(expected);
        assertThat(report.face()).isSameAs(face);
        assertThat(report.image()).isSameAs(photo);
        assertThat(report.faces()).isEqualTo(1);
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
