package cn.gdeea.examphoto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The photo collection and identity verification server (广东省普通高考考生照片采集). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExamPhotoApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExamPhotoApplication.class, args);
    }
}
