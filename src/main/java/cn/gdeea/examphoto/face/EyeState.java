package cn.gdeea.examphoto.face;

/**
 * The eye-state classifier's verdict on one face: for each eye (as seen in the image), the
 * probability that it is open.
 */
public record EyeState(double leftOpen, double rightOpen) {

    /** The less open eye's probability: one closed eye is enough to fail the photo guide. */
    public double leastOpen() {
        return Math.min(leftOpen, rightOpen);
    }
}
