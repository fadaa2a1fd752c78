package cn.gdeea.examphoto.photo.evaluation;

import static cn.gdeea.examphoto.photo.evaluation.Violations.between;
import static cn.gdeea.examphoto.photo.evaluation.Violations.sign;

/**
 * The head not facing the camera: turned 22–35° to one side (a cylinder-and-nose warp of the
 * head, {@link Scene#yaw()}), or leaning 12–25° to one shoulder. Real photos with turned heads
 * are labelled {@code pose violates} in the label file and count as well.
 */
final class PoseViolations {

    private PoseViolations() {
    }

    static Violation headTurned() {
        return Violations.of("head_turned", "pose", (p, r) -> CompliantPortraits.recompose(p, f -> f,
                Scene.PLAIN.withYaw(sign(r) * between(r, 22, 35)), r));
    }

    static Violation headTilted() {
        return Violations.of("head_tilted", "pose", (p, r) -> CompliantPortraits.recompose(p,
                f -> f.withRoll(sign(r) * between(r, 12, 25)), Scene.PLAIN, r));
    }
}
