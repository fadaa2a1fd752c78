package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class ForeheadCheckTests {

    private final ForeheadCheck check = new ForeheadCheck();

    @Test
    void aBareForeheadPasses() {
        CheckResult result = check.check(new PaintedPortrait().photo());
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isGreaterThan(0.95);
    }

    @Test
    void aFringeDownToTheBrowsFails() {
        FacePhoto photo = new PaintedPortrait().withFringe().photo();
        CheckResult result = check.check(photo);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isLessThan(0.05);
        assertThat(result.message()).contains("额头");
        assertThat(result.region().bottom()).isLessThan(photo.face().landmarks().leftEyeCenter().y());
    }

    @Test
    void glassesDoNotCoverTheForehead() {
        assertThat(check.check(new PaintedPortrait().withGlasses().photo()).pass()).isTrue();
    }
}
