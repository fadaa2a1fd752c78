package cn.gdeea.examphoto.candidate.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Face descriptors as stored in {@code bytea} columns: little-endian float32s. */
final class Descriptors {

    private Descriptors() {
    }

    static byte[] toBytes(float[] descriptor) {
        ByteBuffer buffer = ByteBuffer.allocate(descriptor.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(descriptor);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] descriptor = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(descriptor);
        return descriptor;
    }
}
