package cn.gdeea.examphoto.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for the batch commands that need the database and
 * the photo store ({@code import-roster}, {@code export-photos}); {@code --spring.*} and
 * {@code --examphoto.*} arguments configure it as they configure the server. The application
 * class is handed in by the launcher, so the batch commands do not depend on the server's entry point.
 */
record BatchContext(Class<?> application) {

    ConfigurableApplicationContext start(List<String> springArgs) {
        List<String> args = new ArrayList<>(springArgs);
        // A batch run must never seed demo data into the database it works on.
        if (args.stream().noneMatch(a -> a.startsWith("--examphoto.demo.enabled"))) {
            args.add("--examphoto.demo.enabled=false");
        }
        // The servers sweep, purge and run queued jobs; a batch run does only its own command.
        args.add("--examphoto.scheduling.enabled=false");
        args.add("--examphoto.jobs.worker-enabled=false");
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
