package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import org.junit.jupiter.api.Test;

class RetouchingCheckTests {

    private static final int W = 600;
    private static final int H = 800;
    private static final int[] TEXTURE = SyntheticFaces.texture(W, H, 150, 12, 2);

    @Test
    void passesSkinWithItsGrain() {
        CheckResult result = check(TEXTURE);
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isGreaterThan(0.6);
    }

    @Test
    void warnsWithoutBlockingWhenTheCheeksAreSmoothedFlat() {
        int[] smoothed = SyntheticFaces.blurred(TEXTURE, W, H, 4);
        int[] retouched = TEXTURE.clone();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double v = (y - 350) / 150.0;
                if (v > 0.15 && v < 1.2) {
                    retouched[y * W + x] = smoothed[y * W + x];
                }
            }
        }
        CheckResult result = check(retouched);
        assertThat(result.pass()).isFalse();
        assertThat(result.warning()).isTrue();
        assertThat(result.blocks()).isFalse();
        assertThat(result.message()).contains("美颜");
    }

    private static CheckResult check(int[] pixels) {
        RgbImage photo = SyntheticFaces.grey(W, H, (x, y) -> pixels[y * W + x]);
        return new RetouchingCheck().check(SyntheticFaces.photo(photo, SyntheticFaces.frontal(300, 350, 150)));
    }
}
