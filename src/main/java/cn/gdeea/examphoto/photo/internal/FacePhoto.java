package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.RgbImage;
import cn.gdeea.examphoto.photo.CheckSettings;

/** What a check looks at: the upright photo, its one face, and the thresholds in force. */
public record FacePhoto(RgbImage image, DetectedFace face, CheckSettings settings) {
}
