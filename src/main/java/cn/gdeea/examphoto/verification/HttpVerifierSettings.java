package cn.gdeea.examphoto.verification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The external verification service ({@code examphoto.verification.type=http}).
 *
 * @param url     where to POST {@code {name, idNumber, photo}}
 * @param timeout connect and answer timeout; a slower answer is a {@code service_error}
 */
@ConfigurationProperties("examphoto.verification.http")
public record HttpVerifierSettings(URI url, @DefaultValue("PT5S") Duration timeout) {
}
