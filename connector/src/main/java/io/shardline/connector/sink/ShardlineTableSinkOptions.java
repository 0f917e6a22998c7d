package io.shardline.connector.sink;

import io.shardline.connector.client.DynamoClientSettings;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of {@link ShardlineTableSink}, set with {@link ShardlineTableSinkBuilder#option}. */
@PublicEvolving
public final class ShardlineTableSinkOptions {
    private ShardlineTableSinkOptions() {}

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOptions.key("shardline.sink.batch-size")
            .intType()
            .defaultValue(25)
            .withDescription("Writes per batch (1 to 25); a batch holds at most one write per key.");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT_REQUESTS = ConfigOptions.key(
                    "shardline.sink.max-in-flight-requests")
            .intType()
            .defaultValue(4)
            .withDescription("Batches a writer sends at once (at least 1).");

    public static final ConfigOption<Integer> MAX_BUFFERED_REQUESTS = ConfigOptions.key(
                    "shardline.sink.max-buffered-requests")
            .intType()
            .defaultValue(10_000)
            .withDescription("Writes a writer buffers before it applies backpressure (at least the batch size). "
                    + "Everything buffered is flushed at each checkpoint.");

    public static final ConfigOption<Duration> MAX_TIME_IN_BUFFER = ConfigOptions.key(
                    "shardline.sink.max-time-in-buffer")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("Longest time a write waits for its batch to fill (positive).");

    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS = ConfigOptions.key(
                    "shardline.sink.retry.max-attempts")
            .intType()
            .defaultValue(DynamoClientSettings.DEFAULT_MAX_ATTEMPTS)
            .withDescription("Attempts of each write call that is throttled, fails with a 5xx error or cannot reach "
                    + "the endpoint; after them the write is sent again after a pause (up to the maximum delay) until it "
                    + "succeeds, and the key's later writes wait behind it.");

    public static final ConfigOption<Duration> RETRY_BASE_DELAY = ConfigOptions.key("shardline.sink.retry.base-delay")
            .durationType()
            .defaultValue(DynamoClientSettings.DEFAULT_BASE_RETRY_DELAY)
            .withDescription("First retry delay; each further retry doubles it (up to the maximum), with full jitter.");

    public static final ConfigOption<Duration> RETRY_MAX_DELAY = ConfigOptions.key("shardline.sink.retry.max-delay")
            .durationType()
            .defaultValue(DynamoClientSettings.DEFAULT_MAX_RETRY_DELAY)
            .withDescription("Longest delay between two attempts of a call.");

    public static final ConfigOption<Boolean> FAIL_ON_INVALID_WRITE = ConfigOptions.key(
                    "shardline.sink.fail-on-invalid-write")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether a write the table refuses as invalid (ValidationException: an attribute of the "
                    + "wrong type for a key or an index, an item too large) fails the job, naming the write. When "
                    + "false, the write is logged with the table's reason, counted in writesRefused and left out, and "
                    + "the job goes on; other errors (a missing table, refused credentials) still fail the job.");
}
