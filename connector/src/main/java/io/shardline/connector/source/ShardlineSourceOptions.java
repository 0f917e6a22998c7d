package io.shardline.connector.source;

import io.shardline.connector.client.DynamoClientSettings;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of {@link ShardlineSource}. */
@PublicEvolving
public final class ShardlineSourceOptions {
    private ShardlineSourceOptions() {}

    public static final ConfigOption<Duration> SHARD_DISCOVERY_INTERVAL = ConfigOptions.key(
                    "shardline.source.shard-discovery-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How often the enumerator lists the stream's shards to find new ones. Children of a "
                    + "finished shard are looked up at once, not at this interval.");

    public static final ConfigOption<Integer> RECORDS_PER_GET = ConfigOptions.key("shardline.source.records-per-get")
            .intType()
            .defaultValue(1000)
            .withDescription("Limit of each GetRecords call (1 to 1000).");

    /** What a reader does when records it has not read yet were trimmed by the stream's retention. */
    public enum TrimmedDataPolicy {
        /** Fail the job, naming the shard and the position after which records were lost. */
        FAIL,
        /** Continue from the shard's trim horizon, logging and counting the lost range. */
        SKIP_TO_TRIM_HORIZON
    }

    public static final ConfigOption<TrimmedDataPolicy> ON_TRIMMED_DATA = ConfigOptions.key(
                    "shardline.source.on-trimmed-data")
            .enumType(TrimmedDataPolicy.class)
            .defaultValue(TrimmedDataPolicy.FAIL)
            .withDescription("When records the source has not read were trimmed by retention: FAIL the job naming the "
                    + "shard and gap (default), or SKIP_TO_TRIM_HORIZON and log the lost range.");

    public static final ConfigOption<Duration> IDLE_POLL_INTERVAL = ConfigOptions.key(
                    "shardline.source.idle-poll-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("Longest wait of a reader before polling again when every shard it reads had nothing new: "
                    + "the first wait after records is a twentieth of this, and each further empty round doubles it.");

    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS = ConfigOptions.key(
                    "shardline.source.retry.max-attempts")
            .intType()
            .defaultValue(DynamoClientSettings.DEFAULT_MAX_ATTEMPTS)
            .withDescription("Attempts of each DynamoDB call that is throttled, fails with a 5xx error or cannot reach "
                    + "the endpoint, before the job fails naming the call and shard.");

    public static final ConfigOption<Duration> RETRY_BASE_DELAY = ConfigOptions.key("shardline.source.retry.base-delay")
            .durationType()
            .defaultValue(DynamoClientSettings.DEFAULT_BASE_RETRY_DELAY)
            .withDescription("First retry delay; each further retry doubles it (up to the maximum), with full jitter.");

    public static final ConfigOption<Duration> RETRY_MAX_DELAY = ConfigOptions.key("shardline.source.retry.max-delay")
            .durationType()
            .defaultValue(DynamoClientSettings.DEFAULT_MAX_RETRY_DELAY)
            .withDescription("Longest delay between two attempts of a call.");
}
