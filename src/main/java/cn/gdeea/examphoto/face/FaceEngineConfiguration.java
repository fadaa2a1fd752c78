package cn.gdeea.examphoto.face;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One engine per node, shared by all requests (its sessions are thread-safe). */
@Configuration
class FaceEngineConfiguration {

    @Bean(destroyMethod = "close")
    FaceEngine faceEngine() {
        return FaceEngine.load();
    }
}
