package cn.gdeea.examphoto.face;

/**
 * Where the recogniser's square input samples the photo: face-api's dlib-style square (centred
 * on the eyes and mouth, side = eye-to-mouth distance / 0.45) taken in a frame rotated so the
 * eyes are level. Output pixel (u, v) reads the photo at
 * {@code (x0 + u·ux + v·vx, y0 + u·uy + v·vy)}.
 */
record FaceAlignment(double x0, double y0, double ux, double uy, double vx, double vy) {

    /** face-api's constants: the reference point sits at (0.5, 0.43) of a square of side d / 0.45. */
    static final double REL_X = 0.5;
    static final double REL_Y = 0.43;
    static final double REL_SCALE = 0.45;

    static FaceAlignment levelled(FaceLandmarks landmarks, int size) {
        Point left = landmarks.leftEyeCenter();
        Point right = landmarks.rightEyeCenter();
        Point mouth = landmarks.mouthCenter();
        double angle = Math.atan2(right.y() - left.y(), right.x() - left.x());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double side = (mouth.distanceTo(left) + mouth.distanceTo(right)) / 2 / REL_SCALE;
        double cx = (left.x() + right.x() + mouth.x()) / 3;
        double cy = (left.y() + right.y() + mouth.y()) / 3;
        // The square's corner relative to the reference point, in the levelled frame, turned back.
        double dx = -REL_X * side;
        double dy = -REL_Y * side;
        double step = side / size;
        return new FaceAlignment(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos,
                step * cos, step * sin, -step * sin, step * cos);
    }
}
