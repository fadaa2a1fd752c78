package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.photo.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCausesTests {

    private static CheckResult failed(String id) {
        return CheckResult.failed(id, 0, 1, null, id + " reason", id + " reason", id + " advice", id + " advice");
    }

    private static CheckResult passed(String id) {
        return CheckResult.passed(id, 1, 1, null);
    }

    @Test
    void aDarkPhotoLeadsWithExposureAndMarksTheBackgroundAndClothingAsItsKnockOns() {
        List<CheckResult> ordered = RootCauses.order(List.of(passed("image"), passed("single_face"),
                passed("pose"), failed("background"), failed("clothing_contrast"), failed("exposure")));
        assertThat(ordered).extracting(CheckResult::id)
                .containsExactly("exposure", "background", "clothing_contrast", "image", "single_face", "pose");
        assertThat(ordered.get(1).causedBy()).isEqualTo("exposure");
        assertThat(ordered.get(2).causedBy()).isEqualTo("exposure");
        assertThat(ordered.get(0).knockOn()).isFalse();
    }

    @Test
    void blurLeadsGlasses() {
        List<CheckResult> ordered = RootCauses.order(List.of(failed("glasses"), failed("sharpness")));
        assertThat(ordered).extracting(CheckResult::id).containsExactly("sharpness", "glasses");
        assertThat(ordered.get(1).causedBy()).isEqualTo("sharpness");
    }

    @Test
    void unrelatedFailuresAreAllKeptAsReasons() {
        List<CheckResult> ordered = RootCauses.order(List.of(failed("background"), failed("eyes_open")));
        assertThat(ordered).extracting(CheckResult::id).containsExactly("eyes_open", "background");
        assertThat(ordered).noneMatch(CheckResult::knockOn);
    }

    @Test
    void aWarningIsNeverARootCause() {
        CheckResult retouching = CheckResult.warned("retouching", 0.1, 0.25, null, "r", "r", "a", "a");
        List<CheckResult> ordered = RootCauses.order(List.of(retouching, failed("ears")));
        assertThat(ordered).extracting(CheckResult::id).containsExactly("ears", "retouching");
        assertThat(ordered.get(1).knockOn()).isFalse();
    }
}
