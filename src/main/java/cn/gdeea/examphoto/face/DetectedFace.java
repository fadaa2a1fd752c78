package cn.gdeea.examphoto.face;

/**
 * One face found in a photo: the detector's confidence and box, and the 68 landmarks located
 * inside that box.
 */
public record DetectedFace(double score, Box box, FaceLandmarks landmarks) {

    /**
     * The square region face-api feeds the recogniser (its dlib-style alignment): centred on the
     * eyes and mouth, its side the eye-to-mouth distance over 0.45, in photo pixels (floored, and
     * unlike face-api not clipped to the photo).
     */
    public Box alignedBox() {
        Point left = landmarks.leftEyeCenter();
        Point right = landmarks.rightEyeCenter();
        Point mouth = landmarks.mouthCenter();
        double size = Math.floor((mouth.distanceTo(left) + mouth.distanceTo(right)) / 2 / FaceAlignment.REL_SCALE);
        double cx = (left.x() + right.x() + mouth.x()) / 3;
        double cy = (left.y() + right.y() + mouth.y()) / 3;
        return new Box(Math.floor(cx - FaceAlignment.REL_X * size), Math.floor(cy - FaceAlignment.REL_Y * size), size, size);
    }
}
