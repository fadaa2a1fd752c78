package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.photo.CheckResult;
import java.awt.Color;
import org.junit.jupiter.api.Test;

class ClothingContrastCheckTests {

    private final ClothingContrastCheck check = new ClothingContrastCheck();

    @Test
    void darkClothesOnAWhiteWallPass() {
        CheckResult result = check.check(new PaintedPortrait().photo());
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isGreaterThan(50);
    }

    @Test
    void whiteClothesOnAWhiteWallFail() {
        FacePhoto photo = new PaintedPortrait().clothing(new Color(242, 242, 240)).photo();
        CheckResult result = check.check(photo);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isLessThan(5);
        assertThat(result.message()).contains("衣服");
        assertThat(result.region().y()).isGreaterThan(photo.face().landmarks().jaw().get(8).y());
    }

    @Test
    void whiteClothesOnAGreyWallPass() {
        FacePhoto photo = new PaintedPortrait().wall(new Color(150, 150, 150)).clothing(new Color(242, 242, 240)).photo();
        assertThat(check.check(photo).pass()).isTrue();
    }
}
