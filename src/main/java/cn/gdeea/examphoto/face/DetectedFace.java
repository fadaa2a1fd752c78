package cn.gdeea.examphoto.face;

/**
 * One face found in a photo: the detector's confidence and box, and the 68 landmarks located
 * inside that box.
 */
public record DetectedFace(double score, Box box, FaceLandmarks landmarks) {

    /**
     * The region the recogniser sees: the landmarks' bounds grown by 20% in each dimension,
     * which is how face-api aligns faces before computing descriptors.
     */
    public Box alignedBox() {
        Box b = landmarks.bounds();
        return b.pad(b.width() * 0.2, b.height() * 0.2);
    }
}
