package cn.gdeea.examphoto.face.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an ONNX model (opset 13) from TensorFlow-style layers with static NCHW shapes.
 *
 * <p>Shapes are tracked so that TensorFlow's SAME padding, which is asymmetric (the extra pixel
 * goes after), can be written as explicit ONNX pads. Filters arrive in TensorFlow's HWIO layout
 * and are transposed to ONNX's OIHW here.
 */
final class OnnxGraph {

    /** A named tensor in the graph with its static NCHW (or other) shape. */
    record Value(String name, int[] shape) {

        int channels() {
            return shape[1];
        }

        int height() {
            return shape[2];
        }

        int width() {
            return shape[3];
        }
    }

    enum Padding { SAME, VALID }

    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private int counter;

    Value input(String name, int... shape) {
        inputs.add(valueInfo(name, shape));
        return new Value(name, shape);
    }

    void output(Value value) {
        outputs.add(valueInfo(value.name, value.shape));
    }

    /** A 2-D convolution with a TensorFlow HWIO filter {@code [kh, kw, in, out]}. */
    Value conv(Value x, WeightManifest.Tensor hwio, float[] bias, int stride, Padding padding) {
        int kh = hwio.dim(0);
        int kw = hwio.dim(1);
        int in = hwio.dim(2);
        int out = hwio.dim(3);
        if (in != x.channels()) {
            throw new IllegalArgumentException("filter expects " + in + " channels, input has " + x.channels());
        }
        float[] oihw = new float[out * in * kh * kw];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + h) * kw + w] = hwio.values()[((h * kw + w) * in + i) * out + o];
                    }
                }
            }
        }
        return convOihw(x, oihw, new int[] {out, in, kh, kw}, bias, stride, padding, 1);
    }

    /** A depthwise convolution with a TensorFlow filter {@code [kh, kw, channels, 1]}. */
    Value depthwiseConv(Value x, WeightManifest.Tensor filter, int stride, Padding padding) {
        int kh = filter.dim(0);
        int kw = filter.dim(1);
        int c = filter.dim(2);
        float[] weights = new float[c * kh * kw];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int ch = 0; ch < c; ch++) {
                    weights[(ch * kh + h) * kw + w] = filter.values()[(h * kw + w) * c + ch];
                }
            }
        }
        return convOihw(x, weights, new int[] {c, 1, kh, kw}, null, stride, padding, c);
    }

    private Value convOihw(Value x, float[] weights, int[] wShape, float[] bias, int stride,
                           Padding padding, int group) {
        int kh = wShape[2];
        int kw = wShape[3];
        int[] padH = pads(x.height(), kh, stride, padding);
        int[] padW = pads(x.width(), kw, stride, padding);
        int outH = (x.height() + padH[0] + padH[1] - kh) / stride + 1;
        int outW = (x.width() + padW[0] + padW[1] - kw) / stride + 1;
        List<String> in = new ArrayList<>(List.of(x.name, constant(weights, wShape)));
        if (bias != null) {
            in.add(constant(bias, bias.length));
        }
        Value y = new Value(fresh("conv"), new int[] {x.shape[0], wShape[0], outH, outW});
        nodes.add(node("Conv", in, y.name)
                .message(5, ints("kernel_shape", kh, kw))
                .message(5, ints("strides", stride, stride))
                .message(5, ints("pads", padH[0], padW[0], padH[1], padW[1]))
                .message(5, intAttr("group", group)));
        return y;
    }

    /** TensorFlow's padding: SAME puts the odd pixel after, VALID pads nothing. */
    private static int[] pads(int size, int kernel, int stride, Padding padding) {
        if (padding == Padding.VALID) {
            return new int[] {0, 0};
        }
        int out = (size + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }

    /** Adds a per-channel vector (bias, offset) to an NCHW tensor. */
    Value addChannels(Value x, float[] perChannel) {
        return binary("Add", x, constant(perChannel, 1, perChannel.length, 1, 1));
    }

    /** Multiplies an NCHW tensor by a per-channel vector (scale). */
    Value mulChannels(Value x, float[] perChannel) {
        return binary("Mul", x, constant(perChannel, 1, perChannel.length, 1, 1));
    }

    Value add(Value a, Value b) {
        if (!Arrays.equals(a.shape, b.shape)) {
            throw new IllegalArgumentException("shapes differ: " + Arrays.toString(a.shape) + " vs " + Arrays.toString(b.shape));
        }
        return binary("Add", a, b.name);
    }

    private Value binary(String op, Value a, String b) {
        Value y = new Value(fresh(op.toLowerCase()), a.shape);
        nodes.add(node(op, List.of(a.name, b), y.name));
        return y;
    }

    Value relu(Value x) {
        return unary("Relu", x);
    }

    Value sigmoid(Value x) {
        return unary("Sigmoid", x);
    }

    private Value unary(String op, Value x) {
        Value y = new Value(fresh(op.toLowerCase()), x.shape);
        nodes.add(node(op, List.of(x.name), y.name));
        return y;
    }

    /** Clips to [min, max], as TensorFlow's relu6 / clipByValue. */
    Value clip(Value x, float min, float max) {
        Value y = new Value(fresh("clip"), x.shape);
        nodes.add(node("Clip", List.of(x.name, scalar(min), scalar(max)), y.name));
        return y;
    }

    Value batchNorm(Value x, float[] scale, float[] offset, float[] mean, float[] variance, float epsilon) {
        int c = scale.length;
        Value y = new Value(fresh("bn"), x.shape);
        nodes.add(node("BatchNormalization",
                List.of(x.name, constant(scale, c), constant(offset, c), constant(mean, c), constant(variance, c)), y.name)
                .message(5, floatAttr("epsilon", epsilon)));
        return y;
    }

    Value maxPool(Value x, int kernel, int stride) {
        return pool("MaxPool", x, kernel, stride);
    }

    Value avgPool(Value x, int kernel, int stride) {
        return pool("AveragePool", x, kernel, stride);
    }

    /** VALID pooling, the only kind the face-api networks use. */
    private Value pool(String op, Value x, int kernel, int stride) {
        int outH = (x.height() - kernel) / stride + 1;
        int outW = (x.width() - kernel) / stride + 1;
        Value y = new Value(fresh(op.toLowerCase()), new int[] {x.shape[0], x.channels(), outH, outW});
        nodes.add(node(op, List.of(x.name), y.name)
                .message(5, ints("kernel_shape", kernel, kernel))
                .message(5, ints("strides", stride, stride)));
        return y;
    }

    /** Zero padding: {@code pads} as ONNX orders them (all begins, then all ends). */
    Value pad(Value x, int... pads) {
        int[] shape = x.shape.clone();
        for (int i = 0; i < shape.length; i++) {
            shape[i] += pads[i] + pads[i + shape.length];
        }
        long[] longPads = Arrays.stream(pads).asLongStream().toArray();
        Value y = new Value(fresh("pad"), shape);
        nodes.add(node("Pad", List.of(x.name, longConstant(longPads, longPads.length)), y.name));
        return y;
    }

    Value transpose(Value x, int... perm) {
        int[] shape = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            shape[i] = x.shape[perm[i]];
        }
        Value y = new Value(fresh("transpose"), shape);
        nodes.add(node("Transpose", List.of(x.name), y.name).message(5, ints("perm", perm)));
        return y;
    }

    Value reshape(Value x, int... shape) {
        long[] target = Arrays.stream(shape).asLongStream().toArray();
        Value y = new Value(fresh("reshape"), shape);
        nodes.add(node("Reshape", List.of(x.name, longConstant(target, target.length)), y.name));
        return y;
    }

    Value concat(int axis, Value... parts) {
        int[] shape = parts[0].shape.clone();
        shape[axis] = Arrays.stream(parts).mapToInt(p -> p.shape[axis]).sum();
        Value y = new Value(fresh("concat"), shape);
        nodes.add(node("Concat", Arrays.stream(parts).map(Value::name).toList(), y.name)
                .message(5, intAttr("axis", axis)));
        return y;
    }

    /** Mean over the spatial axes of an NCHW tensor, giving {@code [N, C]}. */
    Value globalMean(Value x) {
        Value y = new Value(fresh("mean"), new int[] {x.shape[0], x.channels()});
        nodes.add(node("ReduceMean", List.of(x.name), y.name)
                .message(5, ints("axes", 2, 3))
                .message(5, intAttr("keepdims", 0)));
        return y;
    }

    /** {@code x · weights (+ bias)} for {@code x} of shape {@code [N, in]} and weights {@code [in, out]}. */
    Value dense(Value x, WeightManifest.Tensor weights, float[] bias) {
        Value y = new Value(fresh("dense"), new int[] {x.shape[0], weights.dim(1)});
        List<String> in = new ArrayList<>(List.of(x.name, constant(weights.values(), weights.shape())));
        String op = "MatMul";
        if (bias != null) {
            in.add(constant(bias, bias.length));
            op = "Gemm";
        }
        nodes.add(node(op, in, y.name));
        return y;
    }

    byte[] toModel(String graphName) {
        ProtoMessage graph = new ProtoMessage();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        return new ProtoMessage()
                .int64(1, 7)
                .string(2, "examphoto")
                .message(7, graph)
                .message(8, new ProtoMessage().string(1, "").int64(2, 13))
                .toByteArray();
    }

    private String fresh(String prefix) {
        return prefix + "_" + counter++;
    }

    private String constant(float[] values, int... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return initializer(FLOAT, raw.array(), dims);
    }

    private String longConstant(long[] values, int... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return initializer(INT64, raw.array(), dims);
    }

    private String scalar(float value) {
        return constant(new float[] {value});
    }

    private String initializer(int dataType, byte[] raw, int... dims) {
        String name = fresh("const");
        ProtoMessage tensor = new ProtoMessage();
        for (int d : dims) {
            tensor.int64(1, d);
        }
        initializers.add(tensor.int32(2, dataType).string(8, name).bytes(9, raw));
        return name;
    }

    private static ProtoMessage node(String op, List<String> in, String out) {
        ProtoMessage node = new ProtoMessage();
        in.forEach(i -> node.string(1, i));
        return node.string(2, out).string(3, out).string(4, op);
    }

    private static ProtoMessage ints(String name, int... values) {
        ProtoMessage attr = new ProtoMessage().string(1, name);
        for (int v : values) {
            attr.int64(8, v);
        }
        return attr.int32(20, 7);
    }

    private static ProtoMessage intAttr(String name, long value) {
        return new ProtoMessage().string(1, name).int64(3, value).int32(20, 2);
    }

    private static ProtoMessage floatAttr(String name, float value) {
        return new ProtoMessage().string(1, name).float32(2, value).int32(20, 1);
    }

    private static ProtoMessage valueInfo(String name, int[] shape) {
        ProtoMessage dims = new ProtoMessage();
        for (int d : shape) {
            dims.message(1, new ProtoMessage().int64(1, d));
        }
        ProtoMessage tensorType = new ProtoMessage().int32(1, FLOAT).message(2, dims);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
    }
}
