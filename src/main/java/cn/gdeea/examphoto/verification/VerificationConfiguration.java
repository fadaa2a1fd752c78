package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.FaceEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded verifier always exists (the CLI and the photo pipeline describe faces with it);
 * {@code examphoto.verification.type=http} adds the external service, which then decides attempts.
 */
@Configuration
class VerificationConfiguration {

    @Bean
    EmbeddedFaceVerifier embeddedFaceVerifier(FaceEngine engine, VerificationSettings settings) {
        return new EmbeddedFaceVerifier(engine, settings);
    }

    @Bean
    @ConditionalOnProperty(name = "examphoto.verification.type", havingValue = "http")
    HttpFaceVerifier httpFaceVerifier(HttpVerifierSettings settings, ObjectMapper json) {
        return new HttpFaceVerifier(settings, json);
    }
}
