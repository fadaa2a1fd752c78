package cn.gdeea.examphoto.photo;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Check thresholds from configuration, e.g. {@code examphoto.checks.thresholds[pose.max-yaw]=18}.
 * A key not configured falls back to the check's calibrated default (docs/photo-checks.md).
 */
@ConfigurationProperties("examphoto.checks")
public record CheckSettings(Map<String, Double> thresholds) {

    public CheckSettings {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    public static CheckSettings defaults() {
        return new CheckSettings(Map.of());
    }

    public double get(String key, double calibratedDefault) {
        return thresholds.getOrDefault(key, calibratedDefault);
    }
}
