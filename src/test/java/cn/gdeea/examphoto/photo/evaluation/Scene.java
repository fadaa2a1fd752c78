package cn.gdeea.examphoto.photo.evaluation;

import java.util.function.DoubleBinaryOperator;

/**
 * What a photo shows beyond its {@link Framing}: the head turned (yaw, degrees, positive to the
 * image's right), the light on the person as a gain over face coordinates (u, v), and perhaps a
 * second person standing behind.
 */
record Scene(double yaw, DoubleBinaryOperator light, HeadCutout other, Framing otherFraming) {

    static final Scene PLAIN = new Scene(0, null, null, null);

    Scene withYaw(double degrees) {
        return new Scene(degrees, light, other, otherFraming);
    }

    Scene withLight(DoubleBinaryOperator gain) {
        return new Scene(yaw, gain, other, otherFraming);
    }

    Scene withOther(HeadCutout person, Framing framing) {
        return new Scene(yaw, light, person, framing);
    }
}
