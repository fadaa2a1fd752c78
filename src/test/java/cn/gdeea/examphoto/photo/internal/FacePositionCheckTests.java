package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class FacePositionCheckTests {

    private static final RgbImage PHOTO = SyntheticFaces.grey(900, 1200, (x, y) -> 200);

    private static CheckResult checkAt(double x, double eyeY) {
        return new FacePositionCheck().check(SyntheticFaces.photo(PHOTO, SyntheticFaces.frontal(x, eyeY, 190)));
    }

    @Test
    void passesACentredFaceWithRoomAboveTheHead() {
        assertThat(checkAt(455, 480).pass()).isTrue();
    }

    @Test
    void failsAFaceOffToTheRight() {
        CheckResult result = checkAt(690, 480);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("右侧");
        assertThat(result.value()).isGreaterThan(result.threshold());
    }

    @Test
    void failsWhenTheTopOfTheHeadIsOutOfThePicture() {
        CheckResult result = checkAt(450, 250);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("头顶");
        assertThat(result.value()).isNegative();
    }

    @Test
    void failsAFaceLowInThePicture() {
        CheckResult result = checkAt(450, 820);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("太低");
    }
}
