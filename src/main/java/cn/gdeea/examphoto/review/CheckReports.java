package cn.gdeea.examphoto.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the stored photo-check report of a submission (JSON of checks with {@code id},
 * {@code pass}, {@code message}). A report that cannot be read yields no failed checks rather than
 * a failed page: the reviewer still sees the photo itself.
 */
public final class CheckReports {

    private CheckReports() {
    }

    static JsonNode parse(ObjectMapper json, String report) {
        if (report == null || report.isBlank()) {
            return null;
        }
        try {
            return json.readTree(report);
        } catch (Exception e) {
            return null;
        }
    }

    static List<FailedCheck> failed(ObjectMapper json, String report) {
        JsonNode root = parse(json, report);
        List<FailedCheck> failed = new ArrayList<>();
        // The candidate app stores the checks as an array; older reports wrap them in {"checks": [...]}.
        JsonNode checks = root == null ? null : root.isArray() ? root : root.get("checks");
        if (checks != null && checks.isArray()) {
            for (JsonNode c : checks) {
                if (c.has("pass") && !c.get("pass").asBoolean()) {
                    failed.add(new FailedCheck(c.path("id").asText(), c.path("message").asText(""),
                            c.path("messageEn").asText(""), c.path("warning").asBoolean(false), region(c.get("region"))));
                }
            }
        }
        return failed;
    }

    private static Region region(JsonNode r) {
        if (r == null || !r.isObject() || !r.has("width") || !r.has("height")) {
            return null;
        }
        return new Region(r.path("x").asInt(), r.path("y").asInt(), r.path("width").asInt(), r.path("height").asInt());
    }

    /** A check the portrait failed (or warned about), with the photo region it concerns, if any. */
    public record FailedCheck(String id, String message, String messageEn, boolean warning, Region region) {
    }

    /** A region in the portrait's pixels (EXIF orientation applied). */
    public record Region(int x, int y, int width, int height) {
    }
}
