package io.shardline.jobs.cli;

import io.shardline.connector.source.ShardlineSourceBuilder;
import io.shardline.connector.source.ShardlineSourceOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How a job polls its table's stream: against Amazon DynamoDB Streams, every reader of a shard shares
 * that shard's limit of about five GetRecords calls a second (see docs/aws.md).
 */
public final class StreamPolling {
    @Option(
            names = "--idle-poll-interval",
            converter = DurationConverter.class,
            description = "Longest wait "
                    + "before polling a shard again after it returned nothing: 200ms polls an idle shard five times a "
                    + "second; raise it when another job reads the same stream from Amazon (default: 200ms)")
    public Duration idlePollInterval = ShardlineSourceOptions.IDLE_POLL_INTERVAL.defaultValue();

    /** Sets these options on a source being built. */
    public <T> ShardlineSourceBuilder<T> applyTo(ShardlineSourceBuilder<T> source) {
        return source.option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, idlePollInterval);
    }
}
