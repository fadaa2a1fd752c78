package cn.gdeea.examphoto.photo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeadPoseTests {

    @Test
    void frontalFaceIsLevelAndStraight() {
        HeadPose pose = HeadPose.of(SyntheticFaces.frontal(400, 500, 120));
        assertThat(pose.yaw()).isCloseTo(0, within(2.0));
        assertThat(pose.pitch()).isCloseTo(0, within(4.0));
        assertThat(pose.roll()).isCloseTo(0, within(1.0));
    }

    @Test
    void rollIsTheSlopeOfTheEyeLine() {
        assertThat(HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 0, 0, 15)).roll()).isCloseTo(15, within(0.5));
        assertThat(HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 0, 0, -10)).roll()).isCloseTo(-10, within(0.5));
    }

    @Test
    void turningTheHeadMovesTheNoseOffTheMiddleOfTheFace() {
        double right = HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 25, 0, 0)).yaw();
        double left = HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, -25, 0, 0)).yaw();
        assertThat(right).isBetween(15.0, 40.0);
        assertThat(left).isBetween(-40.0, -15.0);
        assertThat(HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 10, 0, 0)).yaw()).isLessThan(right);
    }

    @Test
    void yawIsMeasuredAlongTheFaceEvenWhenItLeans() {
        double yaw = HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 25, 0, 20)).yaw();
        assertThat(yaw).isCloseTo(HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 25, 0, 0)).yaw(), within(1.0));
    }

    @Test
    void noddingMovesTheNoseBetweenEyesAndChin() {
        assertThat(HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 0, 25, 0)).pitch()).isGreaterThan(12);
        assertThat(HeadPose.of(SyntheticFaces.landmarks(400, 500, 120, 0, -25, 0)).pitch()).isLessThan(-12);
    }
}
