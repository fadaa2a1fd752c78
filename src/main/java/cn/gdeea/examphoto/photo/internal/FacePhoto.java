package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.face.EyeState;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * What a check looks at: the upright photo, its one face, the face's frame of reference (measured
 * once for all checks), the eye-state classifier's verdict ({@code null} when the photo was not
 * shown to it, as in tests on drawn faces) and the thresholds in force.
 */
public record FacePhoto(RgbImage image, DetectedFace face, FaceFrame frame, CheckSettings settings, EyeState eyes) {

    public FacePhoto(RgbImage image, DetectedFace face, CheckSettings settings) {
        this(image, face, FaceFrame.of(face.landmarks()), settings, null);
    }

    public FacePhoto(RgbImage image, DetectedFace face, CheckSettings settings, EyeState eyes) {
        this(image, face, FaceFrame.of(face.landmarks()), settings, eyes);
    }
}
