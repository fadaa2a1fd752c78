package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;
import static cn.gdeea.examphoto.photo.evaluation.Violations.sign;

import java.awt.Color;

/**
 * Photos taken from the wrong place: too far, too close, the face off to one side, the top of the
 * head cut off, the face low in the picture, or somebody else in it. Each takes the portrait's
 * person again ({@link CompliantPortraits#recompose}) with the framing changed.
 */
final class FramingViolations {

    /** Brow-to-chin share → eye distance over the photo width, for a 3:4 photo. */
    private static final double UNIT_PER_WIDTH = 1 / (Framing.BROW_TO_CHIN * 0.75);

    private FramingViolations() {
    }

    /** Brow to chin 10–17% of the height: the photographer stood far back. */
    static Violation tooFar() {
        return Violations.of("too_far", "face_size", (p, r) -> CompliantPortraits.recompose(p,
                f -> f.withFace(between(r, 0.10, 0.17), between(r, 0.32, 0.45), f.centre()), Scene.PLAIN, r));
    }

    /** Brow to chin 54–60% of the height, face still inside: the phone held too near. */
    static Violation tooClose() {
        return Violations.of("too_close", "face_size", (p, r) -> {
            double share = between(r, 0.54, 0.60);
            double eyeLine = between(r, 0.25, Math.min(0.40, 0.92 - 0.81 * share));
            HeadCutout head = CompliantPortraits.headOf(p);
            return CompliantPortraits.recompose(p, f -> {
                int height = (int) Math.min(f.height(), Math.round(head.pixelsPerUnit * 1.3 * Framing.BROW_TO_CHIN / share));
                Framing resized = new Framing((int) Math.round(height * 0.75), height, share, eyeLine, 0.5, f.roll(),
                        f.wall(), f.wallGradient(), f.wallGradientAngle(), f.clothing(), f.collar(), f.noise(), f.jpegQuality());
                return resized;
            }, Scene.PLAIN, r);
        });
    }

    /** The face 17–26% of the width off centre, yet wholly inside the photo. */
    static Violation offCentre() {
        return Violations.of("off_centre", "face_position", (p, r) -> CompliantPortraits.recompose(p, f -> {
            double halfFace = 1.4 * f.faceShare() * UNIT_PER_WIDTH;
            double offset = Math.min(between(r, 0.19, 0.26), Math.max(0.17, 0.49 - halfFace));
            return f.withFace(f.faceShare(), f.eyeLine(), 0.5 + sign(r) * offset);
        }, Scene.PLAIN, r));
    }

    /** The top of the head 4–12% of the height above the photo's edge; the brows stay in. */
    static Violation headCutOff() {
        return Violations.of("head_cut_off", "face_position", (p, r) -> CompliantPortraits.recompose(p, f -> {
            double eyeLine = Math.max(0.905 * f.faceShare() - between(r, 0.04, 0.12), 0.03 + 0.27 * f.faceShare());
            return f.withFace(f.faceShare(), eyeLine, f.centre());
        }, Scene.PLAIN, r));
    }

    /** Eyes 64–72% down the photo: a wide empty wall above the head, shoulders cut. */
    static Violation tooLow() {
        return Violations.of("too_low", "face_position", (p, r) -> CompliantPortraits.recompose(p, f -> {
            double eyeLine = between(r, 0.64, 0.72);
            return f.withFace(Math.min(f.faceShare(), (0.97 - eyeLine) / 0.81), eyeLine, f.centre());
        }, Scene.PLAIN, r));
    }

    /** Somebody else stands behind, beside the candidate; the shot is wider to hold both. */
    static Violation secondPerson() {
        return Violations.of("second_person", "single_face", (p, r) -> {
            HeadCutout other = CompliantPortraits.otherPerson(p, r);
            double side = sign(r);
            double share = between(r, 0.22, 0.28);
            double otherShare = share * between(r, 0.75, 0.95);
            Framing main = CompliantPortraits.framingOf(p);
            Framing behind = main.withFace(otherShare, main.eyeLine() + between(r, -0.06, 0.03),
                            0.5 + side * between(r, 0.27, 0.31))
                    .withRoll(between(r, -4, 4))
                    .withClothing(new Color(40 + r.nextInt(80), 40 + r.nextInt(80), 40 + r.nextInt(80)));
            return CompliantPortraits.recompose(p, f -> f.withFace(share, f.eyeLine(), 0.5 - side * between(r, 0.1, 0.13)),
                    Scene.PLAIN.withOther(other, behind), r);
        });
    }
}
