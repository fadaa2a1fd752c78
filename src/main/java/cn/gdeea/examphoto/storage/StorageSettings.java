package cn.gdeea.examphoto.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where photos are stored ({@code examphoto.storage.*}).
 *
 * @param type       {@code filesystem} (default) or {@code s3}
 * @param directory  the folder of the filesystem store
 * @param s3         the S3-compatible store, used when {@code type=s3}
 * @param sweepGrace how old a file without a database row must be before the sweeper removes it;
 *                   longer than any transaction that writes a file before committing its row
 * @param sweepInterval pause between two sweeps (one node at a time holds the sweep's lease)
 * @param fullSweepInterval how often the sweep lists the whole store rather than the days since the last sweep
 */
@ConfigurationProperties("examphoto.storage")
public record StorageSettings(@DefaultValue("filesystem") String type,
                             @DefaultValue("./data/photos") Path directory,
                             @DefaultValue S3 s3,
                             @DefaultValue("PT1H") Duration sweepGrace,
                             @DefaultValue("PT30M") Duration sweepInterval,
                             @DefaultValue("P7D") Duration fullSweepInterval) {

    /**
     * @param endpoint  e.g. {@code https://oss-cn-guangzhou.aliyuncs.com}; empty for AWS itself
     * @param pathStyle path-style addressing, which most S3-compatible servers need
     */
    public record S3(String endpoint, @DefaultValue("cn-south-1") String region, String bucket,
                     String accessKey, String secretKey, @DefaultValue("true") boolean pathStyle) {
    }
}
