package cn.gdeea.examphoto.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded verifier. The default threshold is the calibrated operating point
 * (docs/verification.md): on the labelled pairs it accepts 3 of the 606 impostor pairs (FAR 0.5%) and 99.6% of the genuine ones.
 */
@ConfigurationProperties("examphoto.verification")
public record VerificationSettings(@DefaultValue("0.41") double threshold) {

    public static VerificationSettings defaults() {
        return new VerificationSettings(0.41);
    }
}
