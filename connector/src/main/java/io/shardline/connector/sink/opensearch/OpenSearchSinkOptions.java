package io.shardline.connector.sink.opensearch;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/** Options of {@link OpenSearchSink}, set with {@link OpenSearchSinkBuilder#option}. */
@PublicEvolving
public final class OpenSearchSinkOptions {
    private OpenSearchSinkOptions() {}

    public static final ConfigOption<Integer> BULK_MAX_ACTIONS = ConfigOptions.key(
                    "shardline.opensearch.bulk.max-actions")
            .intType()
            .defaultValue(1_000)
            .withDescription("Index and delete actions per bulk request (at least 1).");

    public static final ConfigOption<MemorySize> BULK_MAX_BYTES = ConfigOptions.key(
                    "shardline.opensearch.bulk.max-bytes")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(5))
            .withDescription("Largest bulk request body in bytes (at least 1 KiB); also the largest document.");

    public static final ConfigOption<Duration> BULK_FLUSH_INTERVAL = ConfigOptions.key(
                    "shardline.opensearch.bulk.flush-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("Longest time a document waits for its bulk request to fill (positive).");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT_REQUESTS = ConfigOptions.key(
                    "shardline.opensearch.max-in-flight-requests")
            .intType()
            .defaultValue(4)
            .withDescription("Bulk requests a writer has in flight at once (at least 1).");

    public static final ConfigOption<Integer> MAX_BUFFERED_ACTIONS = ConfigOptions.key(
                    "shardline.opensearch.max-buffered-actions")
            .intType()
            .defaultValue(20_000)
            .withDescription("Actions a writer buffers before it applies backpressure (at least the bulk size). "
                    + "Everything buffered is flushed at each checkpoint.");

    public static final ConfigOption<Duration> RETRY_BASE_DELAY = ConfigOptions.key(
                    "shardline.opensearch.retry.base-delay")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription("Wait before resending actions refused with 429 or 5xx or lost to a connection failure; "
                    + "it doubles with each failure in a row, up to the maximum. Such actions are retried until "
                    + "they succeed, holding back the writer meanwhile.");

    public static final ConfigOption<Duration> RETRY_MAX_DELAY = ConfigOptions.key(
                    "shardline.opensearch.retry.max-delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Longest wait between two attempts (at least the base delay).");
}
