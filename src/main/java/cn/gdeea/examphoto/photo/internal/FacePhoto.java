package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * What a check looks at: the upright photo, its one face, the face's frame of reference (measured
 * once for all checks) and the thresholds in force.
 */
public record FacePhoto(RgbImage image, DetectedFace face, FaceFrame frame, CheckSettings settings) {

    public FacePhoto(RgbImage image, DetectedFace face, CheckSettings settings) {
        this(image, face, FaceFrame.of(face.landmarks()), settings);
    }
}
