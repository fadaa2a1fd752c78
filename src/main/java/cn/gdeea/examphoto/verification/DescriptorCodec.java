package cn.gdeea.examphoto.verification;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a face descriptor is kept in the database ({@code candidate.reference_descriptor},
 * {@code submission.descriptor}): its floats as little-endian IEEE 754 singles, 512 bytes for 128-d.
 */
public final class DescriptorCodec {

    private DescriptorCodec() {
    }

    public static byte[] toBytes(float[] descriptor) {
        ByteBuffer buffer = ByteBuffer.allocate(descriptor.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(descriptor);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        float[] descriptor = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(descriptor);
        return descriptor;
    }
}
