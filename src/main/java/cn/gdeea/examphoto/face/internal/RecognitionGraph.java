package cn.gdeea.examphoto.face.internal;

import static cn.gdeea.examphoto.face.internal.OnnxGraph.Padding.SAME;
import static cn.gdeea.examphoto.face.internal.OnnxGraph.Padding.VALID;

import cn.gdeea.examphoto.face.internal.OnnxGraph.Value;

/**
 * face-api's face recogniser (dlib's ResNet-29 metric network, {@code FaceRecognitionNet}) as an
 * ONNX graph. Input {@code [1, 3, 150, 150]} normalised as {@code (x − mean) / 255}; output the
 * 128-d descriptor.
 */
final class RecognitionGraph {

    static final int INPUT_SIZE = 150;

    private final WeightManifest weights;
    private final OnnxGraph graph = new OnnxGraph();

    private RecognitionGraph(WeightManifest weights) {
        this.weights = weights;
    }

    static byte[] build(WeightManifest weights) {
        return new RecognitionGraph(weights).build();
    }

    private byte[] build() {
        Value out = graph.input("face", 1, 3, INPUT_SIZE, INPUT_SIZE);
        out = convLayer("conv32_down", out, 2, true, VALID);
        out = graph.maxPool(out, 3, 2);
        out = residual("conv32_1", out);
        out = residual("conv32_2", out);
        out = residual("conv32_3", out);
        out = residualDown("conv64_down", out);
        out = residual("conv64_1", out);
        out = residual("conv64_2", out);
        out = residual("conv64_3", out);
        out = residualDown("conv128_down", out);
        out = residual("conv128_1", out);
        out = residual("conv128_2", out);
        out = residualDown("conv256_down", out);
        out = residual("conv256_1", out);
        out = residual("conv256_2", out);
        out = residualDown("conv256_down_out", out);
        graph.output(graph.dense(graph.globalMean(out), weights.get("fc"), null));
        return graph.toModel("face_recognition");
    }

    private Value convLayer(String prefix, Value x, int stride, boolean relu, OnnxGraph.Padding padding) {
        Value y = graph.conv(x, weights.get(prefix + "/conv/filters"), weights.get(prefix + "/conv/bias").values(), stride, padding);
        y = graph.addChannels(graph.mulChannels(y, weights.get(prefix + "/scale/weights").values()),
                weights.get(prefix + "/scale/biases").values());
        return relu ? graph.relu(y) : y;
    }

    private Value residual(String prefix, Value x) {
        Value out = convLayer(prefix + "/conv1", x, 1, true, SAME);
        out = convLayer(prefix + "/conv2", out, 1, false, SAME);
        return graph.relu(graph.add(out, x));
    }

    /**
     * The down-sampling block. Its shortcut is a 2×2 average pool with zero channels appended; where
     * the strided VALID convolution comes out one pixel smaller than the pooled shortcut, the conv
     * branch gets a zero row at the bottom and a zero column at the right, as face-api does.
     */
    private Value residualDown(String prefix, Value x) {
        Value out = convLayer(prefix + "/conv1", x, 2, true, VALID);
        out = convLayer(prefix + "/conv2", out, 1, false, SAME);
        Value pooled = graph.avgPool(x, 2, 2);
        if (pooled.height() != out.height() || pooled.width() != out.width()) {
            out = graph.pad(out, 0, 0, 0, 0, 0, 0, 1, 1);
        }
        if (pooled.channels() != out.channels()) {
            pooled = graph.pad(pooled, 0, 0, 0, 0, 0, out.channels() - pooled.channels(), 0, 0);
        }
        return graph.relu(graph.add(pooled, out));
    }
}
