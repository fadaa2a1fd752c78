package cn.gdeea.examphoto.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded verifier. Unset (NaN), the threshold is the configured recogniser's
 * calibrated operating point ({@link cn.gdeea.examphoto.face.Recogniser#operatingThreshold()},
 * docs/verification.md); scores of different recognisers are on different scales, so a threshold
 * set here must be set again when the recogniser changes.
 */
@ConfigurationProperties("examphoto.verification")
public record VerificationSettings(@DefaultValue("NaN") double threshold) {

    public static VerificationSettings defaults() {
        return new VerificationSettings(Double.NaN);
    }
}
