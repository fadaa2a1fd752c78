package cn.gdeea.examphoto;

import cn.gdeea.examphoto.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The photo collection and identity verification server (广东省普通高考考生照片采集). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExamPhotoApplication {

    /** With a batch command ({@code check}, {@code verify}, …) runs it; otherwise starts the server. */
    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(ExamPhotoApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(ExamPhotoApplication.class, args);
    }
}
