package cn.gdeea.examphoto.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node takes part in running background jobs ({@code examphoto.jobs.*}).
 *
 * @param workerEnabled whether this node claims queued jobs (off in the batch commands)
 * @param workers       jobs this node runs at once
 * @param poll          how often an idle worker looks for a queued job
 * @param heartbeat     how often a running job's heartbeat is written
 * @param staleAfter    a job whose heartbeat is older than this ran on a node that stopped: another
 *                      node resumes it (or, for a job that cannot resume, it is marked failed)
 * @param maxAttempts   a job that took this many nodes down with it is failed rather than resumed again
 * @param nodeId        this node's name in the {@code job.owner} column; host and process id when empty
 */
@ConfigurationProperties("examphoto.jobs")
public record JobSettings(@DefaultValue("true") boolean workerEnabled,
                          @DefaultValue("1") int workers,
                          @DefaultValue("PT2S") Duration poll,
                          @DefaultValue("PT10S") Duration heartbeat,
                          @DefaultValue("PT1M") Duration staleAfter,
                          @DefaultValue("3") int maxAttempts,
                          String nodeId) {
}
