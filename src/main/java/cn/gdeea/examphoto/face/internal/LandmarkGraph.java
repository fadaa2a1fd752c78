package cn.gdeea.examphoto.face.internal;

import static cn.gdeea.examphoto.face.internal.OnnxGraph.Padding.SAME;

import cn.gdeea.examphoto.face.internal.OnnxGraph.Value;

/**
 * face-api's 68-point landmark network ({@code FaceLandmark68Net}: four dense blocks of separable
 * convolutions, average pooling, a fully connected layer) as an ONNX graph. Input
 * {@code [1, 3, 112, 112]} normalised as {@code (x − mean) / 255}; output 136 values, the
 * (x, y) of each landmark relative to the square input.
 */
final class LandmarkGraph {

    static final int INPUT_SIZE = 112;

    private final WeightManifest weights;
    private final OnnxGraph graph = new OnnxGraph();

    private LandmarkGraph(WeightManifest weights) {
        this.weights = weights;
    }

    static byte[] build(WeightManifest weights) {
        return new LandmarkGraph(weights).build();
    }

    private byte[] build() {
        Value out = graph.input("face", 1, 3, INPUT_SIZE, INPUT_SIZE);
        for (int block = 0; block < 4; block++) {
            out = denseBlock("dense" + block, out, block == 0);
        }
        out = graph.avgPool(out, 7, 2);
        out = graph.reshape(out, 1, out.channels());
        graph.output(graph.dense(out, weights.get("fc/weights"), weights.get("fc/bias").values()));
        return graph.toModel("face_landmark_68");
    }

    private Value denseBlock(String prefix, Value x, boolean firstLayer) {
        Value out1 = firstLayer
                ? graph.conv(x, weights.get(prefix + "/conv0/filters"), weights.get(prefix + "/conv0/bias").values(), 2, SAME)
                : separable(prefix + "/conv0", x, 2);
        out1 = graph.relu(out1);
        Value out2 = separable(prefix + "/conv1", out1, 1);
        Value out3 = separable(prefix + "/conv2", graph.relu(graph.add(out1, out2)), 1);
        Value out4 = separable(prefix + "/conv3", graph.relu(graph.add(out1, graph.add(out2, out3))), 1);
        return graph.relu(graph.add(out1, graph.add(out2, graph.add(out3, out4))));
    }

    private Value separable(String prefix, Value x, int stride) {
        Value depthwise = graph.depthwiseConv(x, weights.get(prefix + "/depthwise_filter"), stride, SAME);
        return graph.conv(depthwise, weights.get(prefix + "/pointwise_filter"), weights.get(prefix + "/bias").values(), 1, SAME);
    }
}
