package cn.gdeea.examphoto.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The candidate app's live guidance judges camera frames with the server's check thresholds,
 * copied into {@code frontend/candidate/src/guidance/thresholds.js}. This keeps the copy equal to
 * the calibrated defaults in the check classes ({@code settings.get("key", default)}), so that a
 * recalibration on the server cannot leave the phone judging by the old numbers.
 */
class LiveGuidanceThresholdsTests {

    static final Path CHECKS = Path.of("src/main/java/cn/gdeea/examphoto/photo/internal");
    static final Path LIVE = Path.of("frontend/candidate/src/guidance/thresholds.js");

    @Test
    void liveThresholdsAreTheServersCalibratedDefaults() throws IOException {
        Map<String, Double> server = new LinkedHashMap<>();
        Pattern get = Pattern.compile("\\.get\\(\"([a-z.-]+)\",\\s*([0-9.]+)\\)");
        try (Stream<Path> files = Files.list(CHECKS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = get.matcher(Files.readString(file));
                while (m.find()) {
                    server.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        Map<String, Double> live = new LinkedHashMap<>();
        String js = Files.readString(LIVE);
        Matcher m = Pattern.compile("'([a-z.-]+)':\\s*([0-9.]+)").matcher(js.substring(js.indexOf("SERVER"), js.indexOf("}")));
        while (m.find()) {
            live.put(m.group(1), Double.parseDouble(m.group(2)));
        }

        assertThat(live).as("thresholds the live guidance applies").hasSizeGreaterThanOrEqualTo(18);
        for (var e : live.entrySet()) {
            assertThat(server).as("server default of %s", e.getKey()).containsEntry(e.getKey(), e.getValue());
        }
    }
}
