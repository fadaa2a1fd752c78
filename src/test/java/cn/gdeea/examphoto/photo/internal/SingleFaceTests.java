package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleFaceTests {

    private static final RgbImage PHOTO = SyntheticFaces.grey(900, 1200, (x, y) -> 200);
    private static final DetectedFace CANDIDATE = SyntheticFaces.face(SyntheticFaces.frontal(450, 500, 150));

    private static SingleFace.Outcome check(List<DetectedFace> faces) {
        return SingleFace.check(PHOTO, faces, CheckSettings.defaults());
    }

    @Test
    void acceptsOneFaceAndHandsItOn() {
        SingleFace.Outcome outcome = check(List.of(CANDIDATE));
        assertThat(outcome.result().pass()).isTrue();
        assertThat(outcome.face()).isSameAs(CANDIDATE);
        assertThat(outcome.faces()).isEqualTo(1);
    }

    @Test
    void failsWithoutAFace() {
        SingleFace.Outcome outcome = check(List.of());
        assertThat(outcome.result().pass()).isFalse();
        assertThat(outcome.result().message()).contains("未检测到人脸");
        assertThat(outcome.face()).isNull();
    }

    @Test
    void failsWithASecondPersonAndMarksThatFace() {
        DetectedFace other = SyntheticFaces.face(SyntheticFaces.frontal(750, 450, 120));
        SingleFace.Outcome outcome = check(List.of(CANDIDATE, other));
        assertThat(outcome.result().pass()).isFalse();
        assertThat(outcome.result().value()).isEqualTo(2);
        assertThat(outcome.result().region()).isEqualTo(other.box());
        assertThat(outcome.face()).isNull();
    }

    @Test
    void ignoresATinyFaceAndAnUnsureDetection() {
        DetectedFace printed = SyntheticFaces.face(SyntheticFaces.frontal(450, 1000, 25));
        DetectedFace unsure = new DetectedFace(0.4, SyntheticFaces.face(SyntheticFaces.frontal(760, 450, 140)).box(),
                SyntheticFaces.frontal(760, 450, 140));
        SingleFace.Outcome outcome = check(List.of(CANDIDATE, printed, unsure));
        assertThat(outcome.result().pass()).isTrue();
        assertThat(outcome.face()).isSameAs(CANDIDATE);
    }

    @Test
    void failsAFacePartlyOutsideThePhoto() {
        SingleFace.Outcome outcome = check(List.of(SyntheticFaces.face(SyntheticFaces.frontal(60, 500, 150))));
        assertThat(outcome.result().pass()).isFalse();
        assertThat(outcome.result().value()).isLessThan(1);
        assertThat(outcome.result().message()).contains("照片外");
    }
}
