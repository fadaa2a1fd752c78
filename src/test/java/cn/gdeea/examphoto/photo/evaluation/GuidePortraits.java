package cn.gdeea.examphoto.photo.evaluation;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.JpegEncoder;
import cn.gdeea.examphoto.support.FaceData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Guide-compliant phone photos of real people for tests outside this package (the API tests of
 * other packages): {@link CompliantPortraits} composes the head of a photo of the shared faces
 * folder on a light wall, which most of the real photos, taken on stages and streets, lack.
 */
public final class GuidePortraits {

    private GuidePortraits() {
    }

    /**
     * The JPEG of compliant portrait {@code variant} of the photo at {@code sourcePath} (relative
     * to the faces folder), or empty when the photo has no single clear, large enough face.
     */
    public static Optional<byte[]> jpeg(String sourcePath, int variant, FaceEngine engine) {
        Path folder = FaceData.requireFolder();
        var source = new CompliantPortraits.Source(sourcePath, sourcePath);
        return CompliantPortraits.head(folder, source, engine)
                .map(head -> CompliantPortraits.portrait(source, head, variant, engine, PortraitLabels.load(), List.of()))
                .map(portrait -> JpegEncoder.encode(portrait.image(), 0.92f, 72));
    }
}
