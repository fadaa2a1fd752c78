package cn.gdeea.examphoto.face.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.face.internal.NetworkInput.Normalisation;
import cn.gdeea.examphoto.face.internal.NetworkInput.Region;
import cn.gdeea.examphoto.image.RgbImage;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The face networks on ONNX Runtime: face-api's detector, landmark network and (when asked for)
 * dlib recogniser, built as ONNX graphs from the weight files on the classpath; and faceplugin's
 * ArcFace-style recogniser and eye-state classifier, shipped as ONNX files. One instance serves
 * any number of threads.
 */
public final class FaceNetworks implements AutoCloseable {

    /** A raw detection: confidence and box in photo pixels. */
    public record Detection(double score, Box box) {
    }

    private static final String MODEL_DIR = "models";

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession detector;
    private final OrtSession landmarker;
    /** null unless loaded: building it costs start-up time the ArcFace recogniser does not need. */
    private final OrtSession recogniser;
    private final OrtSession arcface;
    private final OrtSession eyes;
    private final SsdDecoder decoder;

    /**
     * Builds the graphs and starts the sessions side by side (start-up time matters to the batch
     * commands, which are timed as whole processes).
     */
    private FaceNetworks(int threads, boolean dlib) throws OrtException {
        WeightManifest ssd = WeightManifest.load(MODEL_DIR, "ssd_mobilenetv1_model");
        this.decoder = new SsdDecoder(ssd);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            var detectorF = pool.submit(() -> session(SsdMobilenetGraph.build(ssd), threads));
            var landmarkerF = pool.submit(() -> session(LandmarkGraph.build(WeightManifest.load(MODEL_DIR, "face_landmark_68_model")), threads));
            var recogniserF = dlib ? pool.submit(() -> session(RecognitionGraph.build(
                    WeightManifest.load(MODEL_DIR, "face_recognition_model")), threads)) : null;
            var arcfaceF = pool.submit(() -> session(WeightManifest.resource(MODEL_DIR + "/" + ARCFACE_FILE), threads));
            var eyesF = pool.submit(() -> session(WeightManifest.resource(MODEL_DIR + "/" + EYE_FILE), 1));
            this.detector = await(detectorF);
            this.landmarker = await(landmarkerF);
            this.recogniser = recogniserF == null ? null : await(recogniserF);
            this.arcface = await(arcfaceF);
            this.eyes = await(eyesF);
        } finally {
            pool.shutdown();
        }
    }

    private static OrtSession await(java.util.concurrent.Future<OrtSession> f) throws OrtException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the face models", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof OrtException o) {
                throw o;
            }
            throw new IllegalStateException("cannot build the face models", e.getCause());
        }
    }

    static final String ARCFACE_FILE = "fr_feature.onnx";
    static final String EYE_FILE = "fr_eye.onnx";
    public static final int ARCFACE_INPUT = 112;
    public static final int EYE_INPUT = 24;

    /** Loads every network; {@code threads} is ONNX Runtime's intra-op thread count per inference. */
    public static FaceNetworks load(int threads) {
        return load(threads, true);
    }

    /** Loads the networks, the dlib recogniser only when {@code dlib}. */
    public static FaceNetworks load(int threads, boolean dlib) {
        try {
            return new FaceNetworks(threads, dlib);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start ONNX Runtime sessions for the face models", e);
        }
    }

    private OrtSession session(byte[] model, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            return env.createSession(model, options);
        }
    }

    /** Faces found by the SSD detector, best first, as face-api's {@code locateFaces}. */
    public List<Detection> detect(RgbImage image, double minScore, int maxResults) {
        return detect(image, 0, minScore, maxResults);
    }

    /**
     * Faces found with the photo framed by a black margin of {@code margin} pixels on every side,
     * boxes given in photo pixels. The detector was trained on scenes, and misses a face that
     * fills the whole frame (a tight crop) unless it is shown with some surroundings.
     */
    public List<Detection> detect(RgbImage image, int margin, double minScore, int maxResults) {
        int side = Math.max(image.width(), image.height()) + 2 * margin;
        float[] input = NetworkInput.square(image, new Region(-margin, -margin, side, side), false,
                SsdMobilenetGraph.INPUT_SIZE, Normalisation.SSD);
        float[][] out = run(detector, input, SsdMobilenetGraph.INPUT_SIZE);
        int framedWidth = image.width() + 2 * margin;
        int framedHeight = image.height() + 2 * margin;
        return decoder.decode(out[0], out[1], minScore, maxResults).stream()
                .map(c -> {
                    Box b = SsdDecoder.toImageBox(c, framedWidth, framedHeight);
                    return new Detection(c.score(), new Box(b.x() - margin, b.y() - margin, b.width(), b.height()));
                })
                .toList();
    }

    /**
     * The raw detector outputs for the whole photo, {box encodings, class logits}; for tests that
     * compare the port with face-api layer by layer.
     */
    float[][] rawDetector(RgbImage image) {
        int side = Math.max(image.width(), image.height());
        return run(detector, NetworkInput.square(image, new Region(0, 0, side, side), false,
                SsdMobilenetGraph.INPUT_SIZE, Normalisation.SSD), SsdMobilenetGraph.INPUT_SIZE);
    }

    SsdDecoder decoder() {
        return decoder;
    }

    /**
     * The landmark network's 136 outputs for a region, relative to the centred square input:
     * {@code x·112 − padding} over the scaled region size gives the region-relative position.
     */
    public float[] landmarks(RgbImage image, Region region) {
        return run(landmarker, NetworkInput.square(image, region, true, LandmarkGraph.INPUT_SIZE,
                Normalisation.FACE), LandmarkGraph.INPUT_SIZE)[0];
    }

    /** The 128-d descriptor of a face region (the aligned box). */
    public float[] descriptor(RgbImage image, Region region) {
        return run(dlib(), NetworkInput.square(image, region, true, RecognitionGraph.INPUT_SIZE,
                Normalisation.FACE), RecognitionGraph.INPUT_SIZE)[0];
    }

    /** The descriptor of a face sampled through a similarity transform (see {@link NetworkInput#warp}). */
    public float[] descriptor(RgbImage image, double x0, double y0, double ux, double uy, double vx, double vy,
                              boolean mirror) {
        return run(dlib(), NetworkInput.warp(image, x0, y0, ux, uy, vx, vy, RecognitionGraph.INPUT_SIZE,
                mirror, Normalisation.FACE), RecognitionGraph.INPUT_SIZE)[0];
    }

    /** The ArcFace network's raw 512-d embedding of the 112×112 face sampled through a similarity transform. */
    public float[] arcfaceDescriptor(RgbImage image, double x0, double y0, double ux, double uy, double vx, double vy,
                                     boolean mirror) {
        return run(arcface, NetworkInput.warp(image, x0, y0, ux, uy, vx, vy, ARCFACE_INPUT, mirror,
                Normalisation.ARCFACE), 3, ARCFACE_INPUT)[0];
    }

    /**
     * The eye classifier's probability that the eye in the 24×24 grey patch sampled through the
     * transform is open (softmax over its two outputs; output 1 is "open").
     */
    public double eyeOpen(RgbImage image, double x0, double y0, double ux, double uy, double vx, double vy) {
        float[] logits = run(eyes, NetworkInput.greyWarp(image, x0, y0, ux, uy, vx, vy, EYE_INPUT), 1, EYE_INPUT)[0];
        double max = Math.max(logits[0], logits[1]);
        double e0 = Math.exp(logits[0] - max);
        double e1 = Math.exp(logits[1] - max);
        return e1 / (e0 + e1);
    }

    public boolean hasDlib() {
        return recogniser != null;
    }

    private OrtSession dlib() {
        if (recogniser == null) {
            throw new IllegalStateException("the dlib recogniser was not loaded (examphoto.face.recogniser)");
        }
        return recogniser;
    }

    private float[][] run(OrtSession session, float[] input, int size) {
        return run(session, input, 3, size);
    }

    private float[][] run(OrtSession session, float[] input, int channels, int size) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, channels, size, size});
             OrtSession.Result result = session.run(java.util.Map.of(session.getInputNames().iterator().next(), tensor))) {
            float[][] outputs = new float[result.size()][];
            for (int i = 0; i < result.size(); i++) {
                FloatBuffer buffer = ((OnnxTensor) result.get(i)).getFloatBuffer();
                outputs[i] = new float[buffer.remaining()];
                buffer.get(outputs[i]);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("face model inference failed", e);
        }
    }

    @Override
    public void close() {
        for (OrtSession s : java.util.stream.Stream.of(detector, landmarker, recogniser, arcface, eyes)
                .filter(java.util.Objects::nonNull).toList()) {
            try {
                s.close();
            } catch (OrtException e) {
                // closing at shutdown: nothing left to do with a failure
            }
        }
    }
}
