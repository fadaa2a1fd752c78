package cn.gdeea.examphoto.photo.evaluation;

import java.util.function.DoubleBinaryOperator;

/**
 * What a photo shows beyond its {@link Framing}: the head turned (yaw, degrees, positive to the
 * image's right) or nodded (pitch, degrees, positive chin down), the light on the person as a gain
 * over face coordinates (u, v), and perhaps a second person standing behind.
 */
record Scene(double yaw, double pitch, DoubleBinaryOperator light, HeadCutout other, Framing otherFraming) {

    static final Scene PLAIN = new Scene(0, 0, null, null, null);

    Scene withYaw(double degrees) {
        return new Scene(degrees, pitch, light, other, otherFraming);
    }

    Scene withPitch(double degrees) {
        return new Scene(yaw, degrees, light, other, otherFraming);
    }

    Scene withLight(DoubleBinaryOperator gain) {
        return new Scene(yaw, pitch, gain, other, otherFraming);
    }

    Scene withOther(HeadCutout person, Framing framing) {
        return new Scene(yaw, pitch, light, person, framing);
    }
}
