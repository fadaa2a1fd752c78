package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdeea.examphoto.face.FaceLandmarks;
import cn.gdeea.examphoto.face.Point;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EyesOpenCheckTests {

    private static final RgbImage PHOTO = SyntheticFaces.grey(900, 1200, (x, y) -> 200);

    @Test
    void openEyesOfTheMeanFacePass() {
        CheckResult result = new EyesOpenCheck().check(SyntheticFaces.photo(PHOTO, SyntheticFaces.frontal(450, 500, 150)));
        assertThat(result.pass()).isTrue();
        assertThat(result.value()).isBetween(0.2, 0.4);
    }

    @Test
    void lidsBroughtTogetherFail() {
        FaceLandmarks open = SyntheticFaces.frontal(450, 500, 150);
        List<Point> points = new ArrayList<>(open.points());
        for (int eye : new int[] {36, 42}) {
            double middle = (points.get(eye).y() + points.get(eye + 3).y()) / 2;
            for (int i = eye; i < eye + 6; i++) {
                Point p = points.get(i);
                points.set(i, new Point(p.x(), middle + (p.y() - middle) * 0.2));
            }
        }
        CheckResult result = new EyesOpenCheck().check(SyntheticFaces.photo(PHOTO, new FaceLandmarks(points)));
        assertThat(result.pass()).isFalse();
        assertThat(result.message()).contains("闭眼");
    }

    @Test
    void aspectRatioIsOpeningOverWidth() {
        List<Point> eye = List.of(new Point(0, 0), new Point(3, -2), new Point(7, -2), new Point(10, 0),
                new Point(7, 2), new Point(3, 2));
        assertThat(EyesOpenCheck.aspectRatio(eye)).isEqualTo(0.4);
    }
}
