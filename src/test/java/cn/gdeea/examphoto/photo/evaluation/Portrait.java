package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.DetectedFace;
import cn.gdeea.examphoto.image.RgbImage;
import java.util.Set;

/**
 * A photo of the evaluation set with its one face and the checks it is known to comply with
 * ({@code compliantWith}); only those count towards a check's false-failure rate.
 */
public record Portrait(String source, RgbImage image, DetectedFace face, Set<String> compliantWith) {
}
