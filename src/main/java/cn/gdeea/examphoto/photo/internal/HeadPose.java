package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.FaceLandmarks;

/**
 * Head rotation estimated from the 68 landmarks alone, in degrees: yaw (turned left/right,
 * positive when the nose points to the image's right), pitch (positive when the chin is down)
 * and roll (positive when the head leans clockwise in the image).
 *
 * <p>Roll is the slope of the eye line. Yaw comes from two asymmetries that a turn creates and a
 * frontal face lacks: the nose tip moves off the middle of the jaw outline, and off the middle of
 * the outer eye corners. On a head modelled as a cylinder with the nose standing out in front,
 * either ratio grows close to {@code 1.1 × sin(yaw)}. Pitch comes from where the nose base sits
 * between the eye line and the chin: nodding moves the nose, which stands out, against the eyes
 * and chin, by about 0.005 of that distance per degree. Both assume an average face; individual
 * faces differ by a few degrees, which the thresholds allow for.
 */
record HeadPose(double yaw, double pitch, double roll) {

    /** Nose base position between eye line (0) and chin (1) of a level average face. */
    static final double LEVEL_NOSE_RATIO = 0.45;
    private static final double NOSE_RATIO_PER_DEGREE = 0.005;
    private static final double YAW_RATIO_GAIN = 1.1;

    static HeadPose of(FaceLandmarks landmarks) {
        FaceFrame f = FaceFrame.of(landmarks);
        double roll = Math.toDegrees(Math.atan2(landmarks.rightEyeCenter().y() - landmarks.leftEyeCenter().y(),
                landmarks.rightEyeCenter().x() - landmarks.leftEyeCenter().x()));
        double nose = f.u(30);
        double jawRatio = (nose - (f.u(0) + f.u(16)) / 2) / Math.max(1e-6, (f.u(16) - f.u(0)) / 2);
        double eyeRatio = (nose - (f.u(36) + f.u(45)) / 2) / Math.max(1e-6, (f.u(45) - f.u(36)) / 2);
        double ratio = (jawRatio + eyeRatio) / 2;
        double yaw = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, ratio / YAW_RATIO_GAIN))));
        double noseRatio = f.v(33) / Math.max(1e-6, f.v(8));
        double pitch = (noseRatio - LEVEL_NOSE_RATIO) / NOSE_RATIO_PER_DEGREE;
        return new HeadPose(yaw, pitch, roll);
    }
}
