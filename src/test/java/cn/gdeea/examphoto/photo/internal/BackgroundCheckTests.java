package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;
import java.awt.Color;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundCheckTests {

    private final BackgroundCheck check = new BackgroundCheck();

    @Test
    void aPlainWhiteWallPasses() {
        CheckResult result = check.check(new PaintedPortrait().photo());
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isGreaterThan(90);
    }

    @Test
    void lightGreyIsWithinTheWhiteBand() {
        assertThat(check.check(new PaintedPortrait().wall(new Color(240, 240, 240)).photo()).pass()).isTrue();
    }

    @Test
    void aGreyWallFailsAsTooDark() {
        CheckResult result = check.check(new PaintedPortrait().wall(new Color(140, 140, 140)).photo());
        assertThat(result.pass()).isFalse();
        assertThat(result.value()).isLessThan(result.threshold());
        assertThat(result.message()).contains("偏暗");
    }

    @Test
    void lightBlueFailsUnlessAllowed() {
        PaintedPortrait blue = new PaintedPortrait().wall(new Color(100, 197, 255));
        CheckResult result = check.check(blue.photo());
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("颜色");
        CheckSettings allowed = new CheckSettings(Map.of("background.allow-light-blue", 1.0));
        assertThat(check.check(blue.settings(allowed).photo()).pass()).isTrue();
    }

    @Test
    void aStripedWallFailsAsNotPlainAndMarksTheWall() {
        FacePhoto photo = new PaintedPortrait().stripedWall(new Color(200, 190, 170)).photo();
        CheckResult result = check.check(photo);
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("单一");
        assertThat(result.region()).isNotNull();
    }
}
