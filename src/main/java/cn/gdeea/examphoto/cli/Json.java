package cn.gdeea.examphoto.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Map;

/** One JSON object per line; non-finite numbers become null so every line stays valid JSON. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    static void line(PrintStream out, Map<String, ?> fields) {
        try {
            out.println(MAPPER.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object number(double value) {
        return Double.isFinite(value) ? Math.round(value * 1e4) / 1e4 : null;
    }
}
