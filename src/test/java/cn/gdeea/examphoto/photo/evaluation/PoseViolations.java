package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;
import static cn.gdeea.examphoto.photo.evaluation.Violations.sign;

import cn.gdeea.examphoto.face.FaceLandmarks;

/**
 * The head not facing the camera: turned 22–35° further to the side it already faces a little (a
 * cylinder-and-nose warp of the head, {@link Scene#yaw()}), raised or lowered 28–45°
 * ({@link Scene#pitch()}), or leaning 12–25° to one shoulder.
 * Real photos with turned heads are labelled {@code pose violates} in the label file and count
 * as well.
 */
final class PoseViolations {

    private PoseViolations() {
    }

    static Violation headTurned() {
        return Violations.of("head_turned", "pose", (p, r) -> CompliantPortraits.recompose(p, f -> f,
                Scene.PLAIN.withYaw(facing(p.face().landmarks()) * between(r, 22, 35)), r));
    }

    /** The head raised, chin up, 28–45° (the check allows 25°). */
    static Violation headRaised() {
        return Violations.of("head_raised", "pose", (p, r) -> CompliantPortraits.recompose(p, f -> f,
                Scene.PLAIN.withPitch(-between(r, 28, 45)), r));
    }

    /** The head lowered, chin down, 28–45°. */
    static Violation headLowered() {
        return Violations.of("head_lowered", "pose", (p, r) -> CompliantPortraits.recompose(p, f -> f,
                Scene.PLAIN.withPitch(between(r, 28, 45)), r));
    }

    static Violation headTilted() {
        return Violations.of("head_tilted", "pose", (p, r) -> CompliantPortraits.recompose(p,
                f -> f.withRoll(sign(r) * between(r, 12, 25)), Scene.PLAIN, r));
    }

    /** +1 when the nose tip is right of the middle of the jaw outline, else −1. */
    private static double facing(FaceLandmarks landmarks) {
        FaceAxes axes = FaceAxes.of(landmarks);
        double middle = (axes.u(landmarks.jaw().get(0)) + axes.u(landmarks.jaw().get(16))) / 2;
        return axes.u(landmarks.nose().get(3)) >= middle ? 1 : -1;
    }
}
