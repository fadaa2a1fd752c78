package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.FaceEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded face descriptor engine always exists (the photo pipeline and the CLI describe faces
 * with it). Exactly one {@link FaceVerifier} decides attempts, chosen by
 * {@code examphoto.verification.type}: {@code embedded} (default) or {@code http}.
 */
@Configuration
class VerificationConfiguration {

    @Bean
    EmbeddedFaceVerifier embeddedFaceVerifier(FaceEngine engine, VerificationSettings settings) {
        return new EmbeddedFaceVerifier(engine, settings);
    }

    @Bean
    @ConditionalOnProperty(name = "examphoto.verification.type", havingValue = "embedded", matchIfMissing = true)
    FaceVerifier descriptorVerifier() {
        return new DescriptorVerifier();
    }

    @Bean
    @ConditionalOnProperty(name = "examphoto.verification.type", havingValue = "http")
    FaceVerifier httpFaceVerifier(HttpVerifierSettings settings, ObjectMapper json) {
        return new HttpFaceVerifier(settings, json);
    }
}
