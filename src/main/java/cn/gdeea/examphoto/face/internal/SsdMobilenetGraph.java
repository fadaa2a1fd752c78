package cn.gdeea.examphoto.face.internal;

import static cn.gdeea.examphoto.face.internal.OnnxGraph.Padding.SAME;

import cn.gdeea.examphoto.face.internal.OnnxGraph.Value;

/**
 * The SSD-MobileNetV1 face detector as an ONNX graph, mirroring face-api's {@code mobileNetV1},
 * {@code predictionLayer} and {@code boxPredictionLayer}. Input: {@code [1, 3, 512, 512]}
 * scaled to [-1, 1]. Outputs: raw box encodings {@code [1, 5118, 4]} and class logits
 * {@code [1, 5118, 3]}; anchor decoding and non-maximum suppression happen in {@link SsdDecoder}.
 */
final class SsdMobilenetGraph {

    static final int INPUT_SIZE = 512;
    private static final float BATCH_NORM_EPSILON = 0.0010000000474974513f;

    private final WeightManifest weights;
    private final OnnxGraph graph = new OnnxGraph();

    private SsdMobilenetGraph(WeightManifest weights) {
        this.weights = weights;
    }

    static byte[] build(WeightManifest weights) {
        return new SsdMobilenetGraph(weights).build();
    }

    private byte[] build() {
        Value x = graph.input("image", 1, 3, INPUT_SIZE, INPUT_SIZE);
        Value out = pointwise("MobilenetV1", 0, x, 2);
        Value conv11 = null;
        for (int layer = 1; layer <= 13; layer++) {
            out = depthwise(layer, out);
            out = pointwise("MobilenetV1", layer, out, 1);
            if (layer == 11) {
                conv11 = out;
            }
        }
        Value conv1 = pointwise("Prediction", 1, pointwise("Prediction", 0, out, 1), 2);
        Value conv3 = pointwise("Prediction", 3, pointwise("Prediction", 2, conv1, 1), 2);
        Value conv5 = pointwise("Prediction", 5, pointwise("Prediction", 4, conv3, 1), 2);
        Value conv7 = pointwise("Prediction", 7, pointwise("Prediction", 6, conv5, 1), 2);
        Value[] sources = {conv11, out, conv1, conv3, conv5, conv7};
        Value[] boxes = new Value[sources.length];
        Value[] classes = new Value[sources.length];
        for (int i = 0; i < sources.length; i++) {
            String prefix = "Prediction/BoxPredictor_" + i;
            boxes[i] = predictor(prefix + "/BoxEncodingPredictor", sources[i], 4);
            classes[i] = predictor(prefix + "/ClassPredictor", sources[i], 3);
        }
        graph.output(graph.concat(1, boxes));
        graph.output(graph.concat(1, classes));
        return graph.toModel("ssd_mobilenetv1");
    }

    private Value pointwise(String prefix, int layer, Value x, int stride) {
        String p = prefix + "/Conv2d_" + layer + "_pointwise/";
        Value y = graph.conv(x, weights.get(p + "weights"), weights.get(p + "convolution_bn_offset").values(), stride, SAME);
        return graph.clip(y, 0, 6);
    }

    private Value depthwise(int layer, Value x) {
        String p = "MobilenetV1/Conv2d_" + layer + "_depthwise/";
        int stride = layer == 2 || layer == 4 || layer == 6 || layer == 12 ? 2 : 1;
        Value y = graph.depthwiseConv(x, weights.get(p + "depthwise_weights"), stride, SAME);
        y = graph.batchNorm(y,
                weights.get(p + "BatchNorm/gamma").values(),
                weights.get(p + "BatchNorm/beta").values(),
                weights.get(p + "BatchNorm/moving_mean").values(),
                weights.get(p + "BatchNorm/moving_variance").values(),
                BATCH_NORM_EPSILON);
        return graph.clip(y, 0, 6);
    }

    /** A 1×1 predictor conv, flattened in TensorFlow's NHWC order to {@code [1, cells·anchors, width]}. */
    private Value predictor(String prefix, Value x, int width) {
        Value y = graph.conv(x, weights.get(prefix + "/weights"), weights.get(prefix + "/biases").values(), 1, SAME);
        Value nhwc = graph.transpose(y, 0, 2, 3, 1);
        int count = y.channels() * y.height() * y.width() / width;
        return graph.reshape(nhwc, 1, count, width);
    }
}
