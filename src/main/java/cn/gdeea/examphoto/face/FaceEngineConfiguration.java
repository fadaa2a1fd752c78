package cn.gdeea.examphoto.face;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One engine per node, shared by all requests (its sessions are thread-safe). The recogniser is
 * {@code examphoto.face.recogniser}: {@code arcface} (default), {@code dlib} or {@code fusion}.
 */
@Configuration
class FaceEngineConfiguration {

    @Bean(destroyMethod = "close")
    FaceEngine faceEngine(@Value("${examphoto.face.recogniser:}") String recogniser) {
        return FaceEngine.load(1, FaceEngine.DEFAULT_MIN_CONFIDENCE,
                recogniser.isBlank() ? FaceEngine.DEFAULT_RECOGNISER : Recogniser.named(recogniser));
    }
}
