package io.shardline.connector.source;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.config.ConfigOptionRules;
import io.shardline.connector.source.enumerator.StreamSelector;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Builds a {@link ShardlineSource}. A stream ARN, table name(s) or table name pattern, and a
 * deserialization schema, are required; the rest are {@link ShardlineSourceOptions}. Everything is
 * checked at {@link #build()} (or when given, for arguments that cannot be right), with messages
 * that name the setting and the value.
 */
@PublicEvolving
public final class ShardlineSourceBuilder<T> {
    private StreamSelector selector;
    private String endpoint;
    private String region = "us-east-1";
    private CredentialsFactory credentials = CredentialsFactory.defaultChain();
    private StartingPosition start = StartingPosition.trimHorizon();
    /** Null when no starting timestamp was given (Instant.EPOCH is a timestamp like any other). */
    private boolean bounded;

    private ChangeRecordDeserializationSchema<T> schema;
    private final Configuration options = new Configuration();

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    ShardlineSourceBuilder() {}

    /** Read one stream. */
    public ShardlineSourceBuilder<T> streamArn(String arn) {
        return select(new StreamSelector.StreamArn(ConfigOptionRules.text(arn, "streamArn")));
    }

    /**
     * Read the latest stream of a table instead of a fixed stream ARN; a stream enabled later (after
     * disabling the previous one) is followed once the previous one is read to its end.
     */
    public ShardlineSourceBuilder<T> tableName(String table) {
        return tableNames(List.of(table));
    }

    /** Read the latest streams of several tables, each as {@link #tableName(String)} does. */
    public ShardlineSourceBuilder<T> tableNames(List<String> tables) {
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("Give at least one table name, not " + tables);
        }
        for (String table : tables) {
            if (table == null || !TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("tableName must be a DynamoDB table name (3 to 255 of "
                        + "a-z A-Z 0-9 _ . -), not " + (table == null ? "null" : "'" + table + "'"));
            }
        }
        return select(new StreamSelector.TableNames(tables));
    }

    /**
     * Read the latest stream of every table whose whole name matches {@code regex} (Java regular
     * expression); tables created, and streams enabled, while the job runs are picked up at the next
     * shard discovery. Matching tables without a stream are passed over.
     */
    public ShardlineSourceBuilder<T> tableNamePattern(String regex) {
        try {
            return select(new StreamSelector.TableNamePattern(ConfigOptionRules.text(regex, "tableNamePattern")));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "tableNamePattern '" + regex + "' is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    private ShardlineSourceBuilder<T> select(StreamSelector streams) {
        if (selector != null) {
            throw new IllegalArgumentException("Choose one of streamArn, tableName(s) and tableNamePattern: already "
                    + selector.describe() + ", now " + streams.describe());
        }
        this.selector = streams;
        return this;
    }

    /** The DynamoDB Streams endpoint, for example Shardline's server; leave unset for Amazon DynamoDB. */
    public ShardlineSourceBuilder<T> endpoint(String url) {
        this.endpoint = url;
        return this;
    }

    public ShardlineSourceBuilder<T> region(String name) {
        this.region = name;
        return this;
    }

    /** Static credentials; without them the AWS SDK's default credentials chain is used. */
    public ShardlineSourceBuilder<T> credentials(String accessKey, String secretKey) {
        this.credentials = CredentialsFactory.staticKeys(
                ConfigOptionRules.text(accessKey, "access key"), ConfigOptionRules.text(secretKey, "secret key"));
        return this;
    }

    /** Credentials from any AWS credentials provider, made on each task manager (default: the SDK's default chain). */
    public ShardlineSourceBuilder<T> credentialsProvider(CredentialsFactory factory) {
        this.credentials = Objects.requireNonNull(factory, "credentials factory");
        return this;
    }

    /** Read only what is written after the job starts (default: every retained record, TRIM_HORIZON). */
    public ShardlineSourceBuilder<T> startingAtLatest() {
        return startingAt(StartingPosition.latest());
    }

    /**
     * Read from the first record created at or after {@code time} (AT_TIMESTAMP; record times are
     * DynamoDB's approximate creation times, to the second).
     */
    public ShardlineSourceBuilder<T> startingAtTimestamp(Instant time) {
        if (time == null || time.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException(
                    "startingAtTimestamp needs a time at or after 1970-01-01T00:00:00Z, not " + time);
        }
        return startingAt(StartingPosition.atTimestamp(time));
    }

    /** Where reading starts in the shards the job finds when it first starts (default: the trim horizon). */
    public ShardlineSourceBuilder<T> startingAt(StartingPosition position) {
        if (!(start instanceof StartingPosition.TrimHorizon) && !start.equals(position)) {
            throw new IllegalArgumentException(
                    "Choose one starting position: " + start + " or " + position + ", not both");
        }
        this.start = Objects.requireNonNull(position, "starting position");
        return this;
    }

    /** Read the shards that exist when the job starts up to their latest records, then finish. */
    public ShardlineSourceBuilder<T> bounded() {
        this.bounded = true;
        return this;
    }

    public ShardlineSourceBuilder<T> deserializer(ChangeRecordDeserializationSchema<T> deserializer) {
        this.schema = deserializer;
        return this;
    }

    public <V> ShardlineSourceBuilder<T> option(ConfigOption<V> option, V value) {
        options.set(option, value);
        return this;
    }

    public ShardlineSource<T> build() {
        if (selector == null) {
            throw new IllegalArgumentException("Give a streamArn, tableName(s) or tableNamePattern to read");
        }
        if (schema == null) {
            throw new IllegalArgumentException("deserializer(schema) is required: what each change record becomes");
        }
        ConfigOptionRules.inRange(options, ShardlineSourceOptions.RECORDS_PER_GET, 1, 1000);
        ConfigOptionRules.positive(options, ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL);
        ConfigOptionRules.positive(options, ShardlineSourceOptions.IDLE_POLL_INTERVAL);
        DynamoClientSettings client = new DynamoClientSettings(
                endpoint,
                region,
                credentials,
                ConfigOptionRules.inRange(options, ShardlineSourceOptions.RETRY_MAX_ATTEMPTS, 1, Integer.MAX_VALUE),
                ConfigOptionRules.positive(options, ShardlineSourceOptions.RETRY_BASE_DELAY),
                ConfigOptionRules.positive(options, ShardlineSourceOptions.RETRY_MAX_DELAY));
        return new ShardlineSource<>(client, selector, start, bounded, schema, options);
    }
}
