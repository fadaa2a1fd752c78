package cn.gdeea.examphoto.face;

import cn.gdeea.examphoto.image.RgbImage;
import java.util.List;

/**
 * The face engine: SSD-MobileNetV1 detector, 68-point landmark network and 128-d ResNet
 * recogniser (face-api's networks and weights) running on ONNX Runtime. Thread-safe; load once.
 */
public final class FaceEngine implements AutoCloseable {

    /** Loads the networks from the model files the build copied onto the classpath. */
    public static FaceEngine load() {
        throw new UnsupportedOperationException("under construction");
    }

    /** All faces with detector confidence at or above the minimum, best first, each with landmarks. */
    public List<DetectedFace> detect(RgbImage image) {
        throw new UnsupportedOperationException("under construction");
    }

    /** The 128-d descriptor of {@code face}; Euclidean distance between descriptors measures likeness. */
    public float[] describe(RgbImage image, DetectedFace face) {
        throw new UnsupportedOperationException("under construction");
    }

    @Override
    public void close() {
    }
}
