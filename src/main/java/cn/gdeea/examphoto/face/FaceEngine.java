package cn.gdeea.examphoto.face;

import cn.gdeea.examphoto.face.internal.FaceNetworks;
import cn.gdeea.examphoto.face.internal.FaceNetworks.Detection;
import cn.gdeea.examphoto.face.internal.NetworkInput.Region;
import cn.gdeea.examphoto.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The face engine: SSD-MobileNetV1 detector, 68-point landmark network and 128-d ResNet
 * recogniser (face-api's networks and weights) running on ONNX Runtime. Thread-safe; load once
 * per process, since building the three networks takes about a second.
 *
 * <p>The pipeline follows face-api's {@code detectAllFaces().withFaceLandmarks()
 * .withFaceDescriptors()}, so its descriptors are comparable with face-api's. One deliberate
 * difference: a face region reaching past the photo's edge is filled with black rather than
 * clipped, so tight crops such as ID-card chip photos keep the face's proportions.
 */
public final class FaceEngine implements AutoCloseable {

    /** face-api's default minimum detector confidence. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    private static final int MAX_FACES = 100;
    private static final int LANDMARK_INPUT = 112;

    private final FaceNetworks networks;
    private final double minConfidence;

    private FaceEngine(FaceNetworks networks, double minConfidence) {
        this.networks = networks;
        this.minConfidence = minConfidence;
    }

    /** Loads the networks with one inference thread each: parallelism comes from concurrent requests. */
    public static FaceEngine load() {
        return load(1, DEFAULT_MIN_CONFIDENCE);
    }

    public static FaceEngine load(int threads, double minConfidence) {
        return new FaceEngine(FaceNetworks.load(threads), minConfidence);
    }

    /** All faces with detector confidence above the minimum, best first, each with landmarks. */
    public List<DetectedFace> detect(RgbImage image) {
        List<DetectedFace> faces = new ArrayList<>();
        for (Detection detection : networks.detect(image, minConfidence, MAX_FACES)) {
            Region crop = clippedFloor(detection.box(), image.width(), image.height());
            if (crop.width() > 0 && crop.height() > 0) {
                faces.add(new DetectedFace(detection.score(), detection.box(), landmarks(image, crop, detection.box())));
            }
        }
        return faces;
    }

    /** The 128-d descriptor of {@code face}; the Euclidean distance between two measures likeness. */
    public float[] describe(RgbImage image, DetectedFace face) {
        Box aligned = face.alignedBox();
        Region region = new Region((int) Math.floor(aligned.x()), (int) Math.floor(aligned.y()),
                (int) Math.floor(aligned.width()), (int) Math.floor(aligned.height()));
        return networks.descriptor(image, region);
    }

    /**
     * Landmarks in photo pixels. The network saw the crop centred in a square, so the outputs are
     * un-padded and scaled back; like face-api, they are shifted by the unrounded detection box.
     */
    private FaceLandmarks landmarks(RgbImage image, Region crop, Box detectionBox) {
        float[] out = networks.landmarks(image, crop);
        double scale = (double) LANDMARK_INPUT / Math.max(crop.width(), crop.height());
        double scaledWidth = crop.width() * scale;
        double scaledHeight = crop.height() * scale;
        double padX = scaledWidth < scaledHeight ? Math.abs(scaledWidth - scaledHeight) / 2 : 0;
        double padY = scaledHeight < scaledWidth ? Math.abs(scaledWidth - scaledHeight) / 2 : 0;
        List<Point> points = new ArrayList<>(68);
        for (int i = 0; i < 68; i++) {
            double relX = (out[2 * i] * LANDMARK_INPUT - padX) / scaledWidth;
            double relY = (out[2 * i + 1] * LANDMARK_INPUT - padY) / scaledHeight;
            points.add(new Point(relX * crop.width() + detectionBox.x(), relY * crop.height() + detectionBox.y()));
        }
        return new FaceLandmarks(points);
    }

    /** face-api's {@code clipAtImageBorders}: clip to the photo, then floor each coordinate. */
    private static Region clippedFloor(Box box, int width, int height) {
        double x = Math.max(box.x(), 0);
        double y = Math.max(box.y(), 0);
        double w = Math.min(box.right() - x, width - x);
        double h = Math.min(box.bottom() - y, height - y);
        return new Region((int) Math.floor(x), (int) Math.floor(y), (int) Math.floor(w), (int) Math.floor(h));
    }

    @Override
    public void close() {
        networks.close();
    }
}
