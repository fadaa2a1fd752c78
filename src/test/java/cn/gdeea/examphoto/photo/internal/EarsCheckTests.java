package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.photo.CheckResult;
import java.awt.Color;
import org.junit.jupiter.api.Test;

class EarsCheckTests {

    private final EarsCheck check = new EarsCheck();

    @Test
    void earsBesideTheFacePass() {
        CheckResult result = check.check(new PaintedPortrait().photo());
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isLessThan(0.2);
    }

    @Test
    void hairHangingOverTheEarsFails() {
        FacePhoto photo = new PaintedPortrait().withHairOverEars().photo();
        CheckResult result = check.check(photo);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isGreaterThan(0.9);
        assertThat(result.message()).contains("耳朵");
        var jaw = photo.face().landmarks().jaw();
        boolean leftOfFace = result.region().right() <= jaw.get(0).x() + 1;
        boolean rightOfFace = result.region().x() >= jaw.get(16).x() - 1;
        assertThat(leftOfFace || rightOfFace).isTrue();
    }

    @Test
    void aGreyWallBesideTheHeadIsNotTakenForHair() {
        assertThat(check.check(new PaintedPortrait().wall(new Color(150, 150, 150)).photo()).pass()).isTrue();
    }
}
