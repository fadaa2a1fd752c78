package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FacePatchTests {

    @Test
    void shrinkingAveragesThePixelsUnderEachPatchPixel() {
        // Alternating black and white columns average to mid-grey, not to either colour (no aliasing).
        var photo = SyntheticFaces.grey(900, 1200, (x, y) -> x % 2 == 0 ? 0 : 255);
        FaceFrame frame = FaceFrame.of(SyntheticFaces.frontal(450, 500, 150));
        FacePatch patch = FacePatch.sample(photo, frame, -0.5, -0.5, 0.5, 0.5, 30);
        assertThat(patch.width).isEqualTo(30);
        for (int k = 0; k < patch.red.length; k++) {
            assertThat(patch.red[k]).isCloseTo(127.5f, within(30f));
        }
    }

    @Test
    void pixelsOffThePhotoAreMarkedInvalid() {
        var photo = SyntheticFaces.grey(300, 300, (x, y) -> 100);
        FaceFrame frame = FaceFrame.of(SyntheticFaces.frontal(20, 150, 100));
        FacePatch patch = FacePatch.sample(photo, frame, -1, -0.5, 1, 0.5, 10);
        assertThat(patch.valid(0)).isFalse();
        assertThat(patch.valid(patch.width - 1)).isTrue();
    }
}
