package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlassesCheckTests {

    private final GlassesCheck check = new GlassesCheck();

    @Test
    void aFaceWithoutGlassesPasses() {
        CheckResult result = check.check(new PaintedPortrait().photo());
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isLessThan(result.threshold());
    }

    @Test
    void blackFramesFailAndTheRegionCoversTheEyes() {
        FacePhoto photo = new PaintedPortrait().withGlasses().photo();
        CheckResult result = check.check(photo);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("眼镜");
        assertThat(result.messageEn()).contains("glasses");
        var eye = photo.face().landmarks().leftEyeCenter();
        assertThat(result.region().x()).isLessThan(eye.x());
        assertThat(result.region().right()).isGreaterThan(photo.face().landmarks().rightEyeCenter().x());
    }

    @Test
    void framesOutlineBothEyesAndCrossTheNose() {
        FacePhoto photo = new PaintedPortrait().withGlasses().photo();
        GlassesCheck.Evidence e = GlassesCheck.measure(photo, FaceFrame.of(photo.face().landmarks()));
        GlassesCheck.Evidence none = GlassesCheck.measure(new PaintedPortrait().photo(),
                FaceFrame.of(photo.face().landmarks()));
        assertThat(e.lenses()).isGreaterThan(0.5);
        assertThat(e.bridge()).isGreaterThan(0.3);
        assertThat(none.lenses()).isLessThan(0.05);
        assertThat(none.bridge()).isLessThan(0.05);
    }

    @Test
    void theThresholdComesFromTheSettings() {
        FacePhoto photo = new PaintedPortrait().withGlasses()
                .settings(new CheckSettings(Map.of("glasses.max-evidence", 100.0))).photo();
        assertThat(check.check(photo).pass()).isTrue();
    }
}
