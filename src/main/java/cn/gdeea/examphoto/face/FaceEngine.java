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
 * The face engine on ONNX Runtime: face-api's SSD-MobileNetV1 detector and 68-point landmark
 * network, a face recogniser ({@link Recogniser}: faceplugin's 512-d ArcFace-style network,
 * face-api's 128-d dlib ResNet, or both fused) and faceplugin's eye-state classifier.
 * Thread-safe; load once per process, since building the networks takes about a second.
 *
 * <p>Detection and landmarks follow face-api's {@code detectAllFaces().withFaceLandmarks()}, so
 * the dlib descriptors are comparable with face-api's. One deliberate difference: a face region
 * reaching past the photo's edge is filled with black rather than clipped, so tight crops such as
 * ID-card chip photos keep the face's proportions.
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

    /** The recogniser used unless configured otherwise; docs/models.md gives the figures behind it. */
    public static final Recogniser DEFAULT_RECOGNISER = Recogniser.ARCFACE;

    private final FaceNetworks networks;
    private final double minConfidence;
    private final Recogniser recogniser;

    private FaceEngine(FaceNetworks networks, double minConfidence, Recogniser recogniser) {
        this.networks = networks;
        this.minConfidence = minConfidence;
        this.recogniser = recogniser;
    }

    /**
     * Loads the networks with one inference thread each (parallelism comes from concurrent
     * requests) and the recogniser named by the system property {@code examphoto.face.recogniser},
     * else the default.
     */
    public static FaceEngine load() {
        String named = System.getProperty("examphoto.face.recogniser");
        return load(1, DEFAULT_MIN_CONFIDENCE, named == null ? DEFAULT_RECOGNISER : Recogniser.named(named));
    }

    public static FaceEngine load(int threads, double minConfidence) {
        return load(threads, minConfidence, DEFAULT_RECOGNISER);
    }

    /** The dlib network is built only for the recognisers that use it. */
    public static FaceEngine load(int threads, double minConfidence, Recogniser recogniser) {
        return new FaceEngine(FaceNetworks.load(threads, recogniser != Recogniser.ARCFACE), minConfidence, recogniser);
    }

    /** The recogniser {@link #describe(RgbImage, DetectedFace)} uses. */
    public Recogniser recogniser() {
        return recogniser;
    }

    /** The model id stored with the descriptors {@link #describe(RgbImage, DetectedFace)} makes. */
    public String modelId() {
        return recogniser.modelId();
    }

    /**
     * All faces with detector confidence above the minimum, best first, each with landmarks. A
     * photo in which none is found is looked at once more framed by a margin, which finds faces in
     * tight crops such as ID-card chip photos; then, if it is large, in overlapping tiles at full
     * resolution, which finds a face too small for the detector's 512-px view of the whole photo.
     */
    public List<DetectedFace> detect(RgbImage image) {
        List<Detection> detections = networks.detect(image, minConfidence, MAX_FACES);
        for (int i = 0; i < TIGHT_CROP_MARGINS.length && detections.isEmpty(); i++) {
            int margin = (int) Math.round(Math.max(image.width(), image.height()) * TIGHT_CROP_MARGINS[i]);
            detections = networks.detect(image, margin, minConfidence, MAX_FACES);
        }
        if (detections.isEmpty() && Math.max(image.width(), image.height()) >= MIN_TILED_SIDE) {
            detections = detectInTiles(image);
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
     * Tiles half the photo's longer side, overlapping by at least a quarter, each shown to the
     * detector on its own; boxes found twice where tiles overlap are merged (the surer one kept).
     */
    private List<Detection> detectInTiles(RgbImage image) {
        int side = Math.max(image.width(), image.height()) / 2;
        List<Detection> found = new ArrayList<>();
        for (int y : tileStarts(image.height(), side)) {
            for (int x : tileStarts(image.width(), side)) {
                RgbImage tile = crop(image, x, y, Math.min(side, image.width() - x), Math.min(side, image.height() - y));
                for (Detection d : networks.detect(tile, minConfidence, MAX_FACES)) {
                    Box b = d.box();
                    found.add(new Detection(d.score(), new Box(b.x() + x, b.y() + y, b.width(), b.height())));
                }
            }
        }
        found.sort(java.util.Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : found) {
            if (kept.stream().noneMatch(k -> k.box().iou(d.box()) > 0.3)) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static final int MIN_TILED_SIDE = 1000;

    private static List<Integer> tileStarts(int length, int side) {
        if (length <= side) {
            return List.of(0);
        }
        int count = (int) Math.ceil((length - side) / (0.75 * side)) + 1;
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add((int) Math.round((length - side) * i / (double) (count - 1)));
        }
        return starts;
    }

    private static RgbImage crop(RgbImage image, int x0, int y0, int w, int h) {
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(image.pixels(), ((y0 + y) * image.width() + x0) * 3, out, y * w * 3, w * 3);
        }
        return new RgbImage(w, h, out);
    }

    /** The descriptor of {@code face} by the configured recogniser; compare with {@link Recogniser#similarity}. */
    public float[] describe(RgbImage image, DetectedFace face) {
        return describe(image, face, recogniser);
    }

    /** The descriptor of {@code face} by {@code model}, which must have been loaded (dlib, fusion: not by an ArcFace engine). */
    public float[] describe(RgbImage image, DetectedFace face, Recogniser model) {
        Timer.Sample started = Timer.start();
        try {
            return switch (model) {
                case DLIB -> describeDlib(image, face);
                case ARCFACE -> describeArcface(image, face);
                case FUSION -> Recogniser.concat(describeDlib(image, face), describeArcface(image, face));
            };
        } finally {
            started.stop(STAGE_TIMER);
        }
    }

    /**
     * The 512-d ArcFace embedding, L2-normalised: the five-point template warp, and the mean
     * with the mirrored face's embedding (the usual flip test of ArcFace models).
     */
    private float[] describeArcface(RgbImage image, DetectedFace face) {
        FaceAlignment a = FaceAlignment.arcface(face.landmarks(), FaceNetworks.ARCFACE_INPUT);
        float[] direct = normalised(networks.arcfaceDescriptor(image, a.x0(), a.y0(), a.ux(), a.uy(), a.vx(), a.vy(), false));
        float[] mirrored = normalised(networks.arcfaceDescriptor(image, a.x0(), a.y0(), a.ux(), a.uy(), a.vx(), a.vy(), true));
        for (int i = 0; i < direct.length; i++) {
            direct[i] += mirrored[i];
        }
        return normalised(direct);
    }

    /**
     * The probability that each eye is open, by the eye-state classifier on a 24×24 grey patch
     * centred on the eye, turned level with the eye line; its side 1.6 times the eye's width.
     */
    public EyeState eyeState(RgbImage image, DetectedFace face) {
        FaceLandmarks l = face.landmarks();
        return new EyeState(eyeOpen(image, l.leftEye()), eyeOpen(image, l.rightEye()));
    }

    private double eyeOpen(RgbImage image, List<Point> eye) {
        Point outer = eye.get(0);
        Point inner = eye.get(3);
        double cx = (eye.get(1).x() + eye.get(2).x() + eye.get(4).x() + eye.get(5).x()) / 4;
        double cy = (eye.get(1).y() + eye.get(2).y() + eye.get(4).y() + eye.get(5).y()) / 4;
        double angle = Math.atan2(inner.y() - outer.y(), inner.x() - outer.x());
        if (Math.abs(angle) > Math.PI / 2) {
            angle += Math.PI;
        }
        double side = outer.distanceTo(inner) * EYE_PATCH_SCALE;
        double step = side / FaceNetworks.EYE_INPUT;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double dx = -side / 2;
        double dy = -side / 2;
        return networks.eyeOpen(image, cx + dx * cos - dy * sin, cy + dx * sin + dy * cos,
                step * cos, step * sin, -step * sin, step * cos);
    }

    private static final double EYE_PATCH_SCALE = 1.6;

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f * (double) f;
        }
        double norm = Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    /**
     * The 128-d dlib descriptor; the Euclidean distance between two measures likeness.
     *
     * <p>face-api crops its aligned square without undoing head roll. Levelling the eyes first,
     * and averaging with the mirrored face, raises the true-accept rate on the labelled pairs
     * (docs/verification.md).
     */
    private float[] describeDlib(RgbImage image, DetectedFace face) {
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
