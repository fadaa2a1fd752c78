package cn.gdeea.examphoto.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceAlignmentTests {

    private static final double[][] TEMPLATE = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

    /** Landmarks whose five ArcFace points are the template moved by a known similarity transform. */
    private static FaceLandmarks placed(double scale, double degrees, double tx, double ty) {
        double c = Math.cos(Math.toRadians(degrees)) * scale;
        double s = Math.sin(Math.toRadians(degrees)) * scale;
        Point[] five = new Point[5];
        for (int i = 0; i < 5; i++) {
            five[i] = new Point(c * TEMPLATE[i][0] - s * TEMPLATE[i][1] + tx, s * TEMPLATE[i][0] + c * TEMPLATE[i][1] + ty);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            points.add(new Point(0, 0));
        }
        for (int i = 36; i < 42; i++) {
            points.set(i, five[0]);
        }
        for (int i = 42; i < 48; i++) {
            points.set(i, five[1]);
        }
        points.set(30, five[2]);
        points.set(48, five[3]);
        points.set(54, five[4]);
        return new FaceLandmarks(points);
    }

    @Test
    void arcfaceWarpSamplesTheFivePointsAtTheTemplatePositions() {
        FaceLandmarks landmarks = placed(3.2, 17, 400, 250);
        FaceAlignment a = FaceAlignment.arcface(landmarks, 112);
        Point[] expected = {landmarks.leftEyeCenter(), landmarks.rightEyeCenter(), landmarks.points().get(30),
                landmarks.points().get(48), landmarks.points().get(54)};
        for (int i = 0; i < 5; i++) {
            double u = TEMPLATE[i][0];
            double v = TEMPLATE[i][1];
            assertThat(a.x0() + u * a.ux() + v * a.vx()).isCloseTo(expected[i].x(), within(1e-6));
            assertThat(a.y0() + u * a.uy() + v * a.vy()).isCloseTo(expected[i].y(), within(1e-6));
        }
    }

    @Test
    void arcfaceWarpStepIsTheFaceScaleOverTheTemplates() {
        FaceAlignment a = FaceAlignment.arcface(placed(2.5, -30, 100, 900), 112);
        assertThat(Math.hypot(a.ux(), a.uy())).isCloseTo(2.5, within(1e-9));
        assertThat(Math.toDegrees(Math.atan2(a.uy(), a.ux()))).isCloseTo(-30, within(1e-9));
    }
}
