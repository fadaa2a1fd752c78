package cn.gdeea.examphoto.verification;

import cn.gdeea.examphoto.face.FaceEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class VerificationConfiguration {

    @Bean
    EmbeddedFaceVerifier embeddedFaceVerifier(FaceEngine engine, VerificationSettings settings) {
        return new EmbeddedFaceVerifier(engine, settings);
    }
}
