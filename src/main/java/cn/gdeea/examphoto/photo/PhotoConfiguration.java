package cn.gdeea.examphoto.photo;

import cn.gdeea.examphoto.face.FaceEngine;
import cn.gdeea.examphoto.image.ImageDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PhotoConfiguration {

    @Bean
    PhotoChecker photoChecker(FaceEngine engine, ImageDecoder decoder, CheckSettings settings) {
        return new PhotoChecker(engine, decoder, settings);
    }

    @Bean
    StandardPhotoMaker standardPhotoMaker(StandardPhotoSettings settings) {
        return new StandardPhotoMaker(settings);
    }
}
