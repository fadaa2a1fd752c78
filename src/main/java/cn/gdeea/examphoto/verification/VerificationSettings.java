package cn.gdeea.examphoto.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded verifier. The default threshold is the calibrated operating point
 * (docs/verification.md), chosen for a false-accept rate of 0.1%: on the labelled pairs it
 * accepts none of the 606 impostor pairs with full-photo or ID-photo references and 99.2% of
 * the genuine ones.
 */
@ConfigurationProperties("examphoto.verification")
public record VerificationSettings(@DefaultValue("0.45") double threshold) {

    public static VerificationSettings defaults() {
        return new VerificationSettings(0.45);
    }
}
