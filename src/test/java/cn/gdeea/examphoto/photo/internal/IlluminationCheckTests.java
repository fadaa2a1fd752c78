package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class IlluminationCheckTests {

    private static CheckResult check(int left, int right) {
        RgbImage photo = SyntheticFaces.grey(900, 1200, (x, y) -> x < 450 ? left : right);
        return new IlluminationCheck().check(SyntheticFaces.photo(photo, SyntheticFaces.frontal(450, 500, 150)));
    }

    @Test
    void passesEvenLight() {
        CheckResult result = check(160, 160);
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isZero();
    }

    @Test
    void failsAHalfShadowedFace() {
        CheckResult result = check(60, 170);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isEqualTo(1 - 60 / 170.0, org.assertj.core.api.Assertions.within(0.02));
        assertThat(result.message()).contains("阴阳脸");
        assertThat(result.region().width()).isGreaterThan(150);
    }

    @Test
    void aSlightlyBrighterSideIsEvenEnough() {
        assertThat(check(150, 170).pass()).isTrue();
    }
}
