package cn.gdeea.examphoto.photo;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.RgbImage;
import java.util.List;

/**
 * Every check run on one photo. Checks that need a single face are only run once exactly one
 * face was found; {@code face} and {@code image} are then set for verification and the standard
 * photo, so the photo is decoded and the face found only once.
 */
public record PhotoCheckReport(boolean pass, int faces, List<CheckResult> checks, RgbImage image, DetectedFace face) {

    public PhotoCheckReport {
        checks = List.copyOf(checks);
    }

    public static PhotoCheckReport of(List<CheckResult> checks, int faces, RgbImage image, DetectedFace face) {
        boolean pass = checks.stream().noneMatch(CheckResult::blocks);
        return new PhotoCheckReport(pass, faces, checks, image, face);
    }

    /** Every check that did not pass (warnings and knock-ons included), root causes first. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.pass()).toList();
    }

    /** What the candidate is told: the blocking failures no other failure explains, root cause first. */
    public List<CheckResult> reasons() {
        return checks.stream().filter(c -> c.blocks() && !c.knockOn()).toList();
    }
}
