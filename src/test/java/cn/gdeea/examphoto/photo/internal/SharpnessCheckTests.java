package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class SharpnessCheckTests {

    private static final int W = 600;
    private static final int H = 800;
    private static final int[] TEXTURE = SyntheticFaces.texture(W, H, 140, 25, 1);

    private static CheckResult check(int[] pixels, double eyeDistance) {
        RgbImage photo = SyntheticFaces.grey(W, H, (x, y) -> pixels[y * W + x]);
        return new SharpnessCheck().check(SyntheticFaces.photo(photo, SyntheticFaces.frontal(300, 350, eyeDistance)));
    }

    @Test
    void passesFineDetail() {
        assertThat(check(TEXTURE, 150).pass()).isTrue();
    }

    @Test
    void failsTheSamePhotoOutOfFocus() {
        CheckResult sharp = check(TEXTURE, 150);
        CheckResult blurred = check(SyntheticFaces.blurred(TEXTURE, W, H, 5), 150);
        assertThat(blurred.pass()).isFalse();
        assertThat(blurred.value()).isLessThan(sharp.value() / 2);
        assertThat(blurred.message()).contains("模糊");
    }

    @Test
    void failsAFaceOfTooFewPixels() {
        CheckResult result = check(TEXTURE, 40);
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isEqualTo(40, org.assertj.core.api.Assertions.within(1.0));
        assertThat(result.message()).contains("分辨率");
    }
}
