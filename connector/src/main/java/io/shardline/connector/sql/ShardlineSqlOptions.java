package io.shardline.connector.sql;

import io.shardline.connector.sink.ShardlineTableSinkOptions;
import io.shardline.connector.source.ShardlineSourceOptions;
import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * The options of {@code 'connector' = 'shardline'} tables in Flink SQL: where the table is, how its
 * stream is read (the source) and how rows are written (the sink). An option that tunes the source or
 * the sink is declared once, in {@link ShardlineSourceOptions} or {@link ShardlineTableSinkOptions}:
 * its SQL twin takes its default and description from there. docs/sql.md lists them in one table.
 */
@PublicEvolving
public final class ShardlineSqlOptions {
    private ShardlineSqlOptions() {}

    public static final ConfigOption<String> TABLE_NAME = ConfigOptions.key("table-name")
            .stringType()
            .noDefaultValue()
            .withDescription("The table whose stream is read, or which the sink writes into.");

    public static final ConfigOption<String> TABLE_NAME_PATTERN = ConfigOptions.key("table-name-pattern")
            .stringType()
            .noDefaultValue()
            .withDescription("Source only: read the streams of every table whose whole name matches this regular "
                    + "expression, including tables created later.");

    public static final ConfigOption<String> STREAM_ARN = ConfigOptions.key("stream-arn")
            .stringType()
            .noDefaultValue()
            .withDescription("Source only: read this one stream by its ARN.");

    public static final ConfigOption<String> ENDPOINT = ConfigOptions.key("endpoint")
            .stringType()
            .noDefaultValue()
            .withDescription(
                    "The DynamoDB endpoint URL (Shardline's server); absent for Amazon " + "DynamoDB in the region.");

    public static final ConfigOption<String> REGION =
            ConfigOptions.key("region").stringType().defaultValue("us-east-1").withDescription("The AWS region.");

    public static final ConfigOption<String> ACCESS_KEY = ConfigOptions.key("access-key")
            .stringType()
            .noDefaultValue()
            .withDescription("Static access key id; absent for the AWS SDK's default credentials " + "chain.");

    public static final ConfigOption<String> SECRET_KEY = ConfigOptions.key("secret-key")
            .stringType()
            .noDefaultValue()
            .withDescription("Static secret access key, with access-key.");

    public static final ConfigOption<String> STARTUP_MODE = ConfigOptions.key("scan.startup.mode")
            .stringType()
            .defaultValue("trim-horizon")
            .withDescription("Where reading starts: trim-horizon (every retained record), latest (what is written "
                    + "after the job starts) or timestamp (scan.startup.timestamp-millis).");

    public static final ConfigOption<Long> STARTUP_TIMESTAMP_MILLIS = ConfigOptions.key("scan.startup.timestamp-millis")
            .longType()
            .noDefaultValue()
            .withDescription("With scan.startup.mode timestamp: the first record read is the first created at or "
                    + "after this time (epoch milliseconds; record times are to the second).");

    public static final ConfigOption<Boolean> BOUNDED = ConfigOptions.key("scan.bounded")
            .booleanType()
            .defaultValue(false)
            .withDescription("Read the shards that exist when the job starts up to their "
                    + "latest records, then finish (a bounded query, also in batch mode).");

    public static final ConfigOption<Duration> SHARD_DISCOVERY_INTERVAL = ConfigOptions.key(
                    "scan.shard-discovery-interval")
            .durationType()
            .defaultValue(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL.defaultValue())
            .withDescription(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL.description());

    public static final ConfigOption<Integer> RECORDS_PER_GET = ConfigOptions.key("scan.records-per-get")
            .intType()
            .defaultValue(ShardlineSourceOptions.RECORDS_PER_GET.defaultValue())
            .withDescription(ShardlineSourceOptions.RECORDS_PER_GET.description());

    public static final ConfigOption<Duration> IDLE_POLL_INTERVAL = ConfigOptions.key("scan.idle-poll-interval")
            .durationType()
            .defaultValue(ShardlineSourceOptions.IDLE_POLL_INTERVAL.defaultValue())
            .withDescription(ShardlineSourceOptions.IDLE_POLL_INTERVAL.description());

    public static final ConfigOption<ShardlineSourceOptions.TrimmedDataPolicy> ON_TRIMMED_DATA = ConfigOptions.key(
                    "scan.on-trimmed-data")
            .enumType(ShardlineSourceOptions.TrimmedDataPolicy.class)
            .defaultValue(ShardlineSourceOptions.ON_TRIMMED_DATA.defaultValue())
            .withDescription(ShardlineSourceOptions.ON_TRIMMED_DATA.description());

    public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("ignore-parse-errors")
            .booleanType()
            .defaultValue(false)
            .withDescription("Source only: an attribute that does not fit its column's type becomes NULL instead of "
                    + "failing the job with the column and the item's key named.");

    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS = ConfigOptions.key("retry.max-attempts")
            .intType()
            .defaultValue(ShardlineSourceOptions.RETRY_MAX_ATTEMPTS.defaultValue())
            .withDescription(
                    "Attempts of each call that is throttled, fails with a 5xx error or cannot connect: in the "
                            + "source, before the job fails naming the call and shard; in the sink, before the write is sent "
                            + "again after a pause until it succeeds.");

    public static final ConfigOption<Duration> RETRY_BASE_DELAY = ConfigOptions.key("retry.base-delay")
            .durationType()
            .defaultValue(ShardlineSourceOptions.RETRY_BASE_DELAY.defaultValue())
            .withDescription(ShardlineSourceOptions.RETRY_BASE_DELAY.description());

    public static final ConfigOption<Duration> RETRY_MAX_DELAY = ConfigOptions.key("retry.max-delay")
            .durationType()
            .defaultValue(ShardlineSourceOptions.RETRY_MAX_DELAY.defaultValue())
            .withDescription(ShardlineSourceOptions.RETRY_MAX_DELAY.description());

    public static final ConfigOption<Integer> SINK_BATCH_SIZE = ConfigOptions.key("sink.batch-size")
            .intType()
            .defaultValue(ShardlineTableSinkOptions.BATCH_SIZE.defaultValue())
            .withDescription(ShardlineTableSinkOptions.BATCH_SIZE.description());

    public static final ConfigOption<Integer> SINK_MAX_IN_FLIGHT = ConfigOptions.key("sink.max-in-flight-requests")
            .intType()
            .defaultValue(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS.defaultValue())
            .withDescription(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS.description());

    public static final ConfigOption<Duration> SINK_MAX_TIME_IN_BUFFER = ConfigOptions.key("sink.max-time-in-buffer")
            .durationType()
            .defaultValue(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER.defaultValue())
            .withDescription(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER.description());
}
