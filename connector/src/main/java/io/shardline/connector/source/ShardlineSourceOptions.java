package io.shardline.connector.source;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of {@link ShardlineSource}. */
public final class ShardlineSourceOptions {
    private ShardlineSourceOptions() {
    }

    public static final ConfigOption<Duration> SHARD_DISCOVERY_INTERVAL = ConfigOptions
            .key("shardline.source.shard-discovery-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How often the enumerator lists the stream's shards to find new ones. Children of a "
                    + "finished shard are looked up at once, not at this interval.");

    public static final ConfigOption<Integer> RECORDS_PER_GET = ConfigOptions
            .key("shardline.source.records-per-get")
            .intType()
            .defaultValue(1000)
            .withDescription("Limit of each GetRecords call (1 to 1000).");

    public static final ConfigOption<Duration> IDLE_POLL_INTERVAL = ConfigOptions
            .key("shardline.source.idle-poll-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How long a reader waits before polling again when every shard it reads had nothing new.");
}
