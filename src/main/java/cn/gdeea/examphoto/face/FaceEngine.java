package cn.gdeea.examphoto.face;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
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

    /** Time spent here per call, for the latency split of an upload ({@code examphoto.stage} on /actuator/prometheus). */
    private static final Timer STAGE_TIMER = Timer.builder("examphoto.stage").tag("stage", "describe")
            .register(Metrics.globalRegistry);

    /** face-api's default minimum detector confidence. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    private static final int MAX_FACES = 100;
    private static final int LANDMARK_INPUT = 112;
    private static final int RECOGNISER_INPUT = 150;
    /** Margins tried around a photo in which no face was found, as shares of its longer side. */
    private static final double[] TIGHT_CROP_MARGINS = {0.75, 0.35};

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

    /**
     * All faces with detector confidence above the minimum, best first, each with landmarks. A
     * photo in which none is found is looked at once more framed by a margin, which finds faces in
     * tight crops such as ID-card chip photos.
     */
    public List<DetectedFace> detect(RgbImage image) {
        List<Detection> detections = networks.detect(image, minConfidence, MAX_FACES);
        for (int i = 0; i < TIGHT_CROP_MARGINS.length && detections.isEmpty(); i++) {
            int margin = (int) Math.round(Math.max(image.width(), image.height()) * TIGHT_CROP_MARGINS[i]);
            detections = networks.detect(image, margin, minConfidence, MAX_FACES);
        }
        List<DetectedFace> faces = new ArrayList<>();
        for (Detection detection : detections) {
            Region crop = floor(detection.box());
            if (crop.width() > 0 && crop.height() > 0) {
                faces.add(new DetectedFace(detection.score(), detection.box(), landmarks(image, crop, detection.box())));
            }
        }
        return faces;
    }

    /**
     * The 128-d descriptor of {@code face}; the Euclidean distance between two measures likeness.
     *
     * <p>face-api crops its aligned square without undoing head roll. Levelling the eyes first,
     * and averaging with the mirrored face, raises the true-accept rate on the labelled pairs
     * (docs/verification.md).
     */
    public float[] describe(RgbImage image, DetectedFace face) {
        Timer.Sample started = Timer.start();
        try {
            return describeUntimed(image, face);
        } finally {
            started.stop(STAGE_TIMER);
        }
    }

    private float[] describeUntimed(RgbImage image, DetectedFace face) {
        FaceAlignment a = FaceAlignment.levelled(face.landmarks(), RECOGNISER_INPUT);
        float[] direct = networks.descriptor(image, a.x0(), a.y0(), a.ux(), a.uy(), a.vx(), a.vy(), false);
        float[] mirrored = networks.descriptor(image, a.x0(), a.y0(), a.ux(), a.uy(), a.vx(), a.vy(), true);
        for (int i = 0; i < direct.length; i++) {
            direct[i] = (direct[i] + mirrored[i]) / 2;
        }
        return direct;
    }

    /** The descriptor exactly as face-api computes it, for comparing the port with face-api. */
    float[] describeAsFaceApi(RgbImage image, DetectedFace face) {
        return networks.descriptor(image, floor(face.alignedBox()));
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

    /**
     * The integer region face-api crops for a box (each coordinate floored). face-api also clips
     * it to the photo; we keep the part beyond the edge, read as black, so the face keeps its
     * place and size in the network's input.
     */
    private static Region floor(Box box) {
        return new Region((int) Math.floor(box.x()), (int) Math.floor(box.y()),
                (int) Math.floor(box.width()), (int) Math.floor(box.height()));
    }

    @Override
    public void close() {
        networks.close();
    }
}
