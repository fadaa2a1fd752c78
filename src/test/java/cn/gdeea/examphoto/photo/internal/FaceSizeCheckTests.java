package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class FaceSizeCheckTests {

    private static final RgbImage PHOTO = SyntheticFaces.grey(900, 1200, (x, y) -> 200);

    /** The mean face's brow-to-chin height is about 2.05 eye distances. */
    private static CheckResult checkWithShare(double share) {
        double eyeDistance = share * 1200 / 2.05;
        return new FaceSizeCheck().check(SyntheticFaces.photo(PHOTO, SyntheticFaces.frontal(450, 480, eyeDistance)));
    }

    @Test
    void passesAHeadAndShouldersFraming() {
        CheckResult result = checkWithShare(0.33);
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isBetween(0.31, 0.35);
    }

    @Test
    void failsAPhotoTakenFromTooFar() {
        CheckResult result = checkWithShare(0.12);
        assertThat(result.pass()).isFalse();
        assertThat(result.threshold()).isEqualTo(0.21);
        assertThat(result.message()).contains("太远");
    }

    @Test
    void failsAPhotoTakenFromTooClose() {
        CheckResult result = checkWithShare(0.58);
        assertThat(result.pass()).isFalse();
        assertThat(result.threshold()).isEqualTo(0.50);
        assertThat(result.messageEn()).contains("too close");
    }
}
