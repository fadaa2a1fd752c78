package cn.gdeea.examphoto.face.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of one face-api model, read from its TensorFlow.js weights manifest and binary.
 *
 * <p>The manifest lists every tensor in file order with its shape (TensorFlow layout) and, when
 * quantised, how to restore it ({@code value = min + scale·q}, one byte per element). Tensors
 * without quantisation are stored as 4-byte little-endian values. Walking the file byte-exactly
 * matters: a few float32 tensors and some quantised int32 constants sit between the weights.
 */
public final class WeightManifest {

    /** A tensor's TensorFlow shape and its values as float32. */
    public record Tensor(int[] shape, float[] values) {

        public int dim(int i) {
            return shape[i];
        }
    }

    private final Map<String, Tensor> tensors;

    private WeightManifest(Map<String, Tensor> tensors) {
        this.tensors = tensors;
    }

    /** Loads {@code <name>-weights_manifest.json} and its binary from {@code classpathDir}. */
    public static WeightManifest load(String classpathDir, String name) {
        String base = classpathDir.endsWith("/") ? classpathDir : classpathDir + "/";
        try (InputStream manifest = open(base + name + "-weights_manifest.json")) {
            JsonNode groups = new ObjectMapper().readTree(manifest);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (JsonNode group : groups) {
                ByteBuffer data = ByteBuffer.wrap(readAll(base, group.get("paths"))).order(ByteOrder.LITTLE_ENDIAN);
                for (JsonNode weight : group.get("weights")) {
                    readTensor(weight, data, tensors);
                }
                if (data.hasRemaining()) {
                    throw new IllegalStateException(name + ": " + data.remaining() + " bytes left after the last tensor");
                }
            }
            return new WeightManifest(tensors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name, e);
        }
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("model has no tensor " + name);
        }
        return t;
    }

    private static void readTensor(JsonNode weight, ByteBuffer data, Map<String, Tensor> into) {
        int[] shape = new int[weight.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = weight.get("shape").get(i).asInt();
        }
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] values = new float[count];
        String dtype = weight.get("dtype").asText();
        JsonNode quantization = weight.get("quantization");
        if (quantization != null) {
            if (!"uint8".equals(quantization.get("dtype").asText())) {
                throw new IllegalStateException("unsupported quantisation " + quantization);
            }
            double min = quantization.get("min").asDouble();
            double scale = quantization.get("scale").asDouble();
            for (int i = 0; i < count; i++) {
                values[i] = (float) ((data.get() & 0xFF) * scale + min);
            }
        } else if ("float32".equals(dtype)) {
            for (int i = 0; i < count; i++) {
                values[i] = data.getFloat();
            }
        } else if ("int32".equals(dtype)) {
            for (int i = 0; i < count; i++) {
                values[i] = data.getInt();
            }
        } else {
            throw new IllegalStateException("unsupported dtype " + dtype);
        }
        into.put(weight.get("name").asText(), new Tensor(shape, values));
    }

    private static byte[] readAll(String base, JsonNode paths) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (JsonNode path : paths) {
            try (InputStream in = open(base + path.asText())) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    /** The bytes of a model file on the classpath (an ONNX file shipped as it is). */
    static byte[] resource(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = WeightManifest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("model file not on the classpath: " + resource
                    + " (the build copies it from the pinned packages in models/)");
        }
        return in;
    }
}
