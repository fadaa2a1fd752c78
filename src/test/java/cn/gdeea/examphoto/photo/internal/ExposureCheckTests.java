package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class ExposureCheckTests {

    /** A photo with the mean face at (450, 500), 150 px between the eyes, face and wall painted flat. */
    private static CheckResult check(int face, int wall) {
        RgbImage photo = SyntheticFaces.grey(900, 1200, (x, y) -> {
            double u = (x - 450) / 150.0;
            double v = (y - 500) / 150.0;
            return u * u / (1.1 * 1.1) + (v - 0.45) * (v - 0.45) / (1.4 * 1.4) <= 1 ? face : wall;
        });
        return new ExposureCheck().check(SyntheticFaces.photo(photo, SyntheticFaces.frontal(450, 500, 150)));
    }

    @Test
    void passesAWellLitFaceOnALightWall() {
        CheckResult result = check(170, 235);
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isEqualTo(170, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void failsABlackPhotoAsTooDark() {
        CheckResult result = check(0, 0);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isLessThan(result.threshold());
        assertThat(result.message()).contains("太暗");
    }

    @Test
    void failsAFaceBurntOutToWhite() {
        CheckResult result = check(255, 200);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isEqualTo(1.0);
        assertThat(result.message()).contains("曝光过度");
    }

    @Test
    void failsAFaceInTheShadowOfABrightWindow() {
        CheckResult result = check(80, 252);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("逆光");
    }
}
