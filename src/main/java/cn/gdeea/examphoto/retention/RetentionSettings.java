package cn.gdeea.examphoto.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long biometric data (photos and face descriptors) is kept ({@code examphoto.retention.*}).
 * Off by default: an admin purges after the exam season with {@code POST /api/admin/retention/purge}.
 *
 * @param enabled whether a daily purge removes the data of candidates idle for longer than {@code keep}
 * @param keep    how long after a candidate's last photo their biometric data is kept
 */
@ConfigurationProperties("examphoto.retention")
public record RetentionSettings(@DefaultValue("false") boolean enabled,
                                @DefaultValue("P365D") Duration keep) {
}
