package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class PoseCheckTests {

    private static final RgbImage PHOTO = SyntheticFaces.grey(900, 1200, (x, y) -> 200);

    private static CheckResult check(double yaw, double pitch, double roll) {
        return new PoseCheck().check(SyntheticFaces.photo(PHOTO, SyntheticFaces.landmarks(450, 500, 150, yaw, pitch, roll)));
    }

    @Test
    void passesAFrontalHeadWithTheWorstAngleBelowItsLimit() {
        CheckResult result = check(3, 2, 2);
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isLessThan(1);
        assertThat(result.threshold()).isEqualTo(1);
    }

    @Test
    void failsATurnedHeadAndSaysItIsTurned() {
        CheckResult result = check(30, 0, 0);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isGreaterThan(1);
        assertThat(result.message()).contains("侧转");
        assertThat(result.messageEn()).contains("turned to the right");
    }

    @Test
    void failsALeaningHeadAndSaysItLeans() {
        CheckResult result = check(0, 0, -18);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("歪斜");
        assertThat(result.region()).isNotNull();
    }
}
