package cn.gdeea.examphoto.job;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this node keeps its work files ({@code examphoto.work.*}): roster copies, error reports,
 * export archives being written. Never the system temp directory: these files hold personal data.
 *
 * @param directory the folder; each running process uses its own subfolder of it
 */
@ConfigurationProperties("examphoto.work")
public record WorkSettings(@DefaultValue("./data/work") Path directory) {
}
