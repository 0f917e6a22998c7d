package io.shardline.connector.source;

import java.time.Instant;
import java.util.Objects;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** Builds a {@link ShardlineSource}. A stream ARN or a table name, and a deserialization schema, are required. */
public final class ShardlineSourceBuilder<T> {
    private String streamArn;
    private String tableName;
    private String endpoint;
    private String region = "us-east-1";
    private String accessKeyId;
    private String secretAccessKey;
    private boolean startAtLatest;
    private long startAtMillis;
    private boolean bounded;
    private ChangeRecordDeserializationSchema<T> schema;
    private final Configuration options = new Configuration();

    ShardlineSourceBuilder() {
    }

    public ShardlineSourceBuilder<T> streamArn(String arn) {
        this.streamArn = arn;
        return this;
    }

    /**
     * Read the latest stream of a table instead of a fixed stream ARN; a stream enabled later (after
     * disabling the previous one) is followed once the previous one is read to its end.
     */
    public ShardlineSourceBuilder<T> tableName(String table) {
        this.tableName = table;
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
        this.accessKeyId = accessKey;
        this.secretAccessKey = secretKey;
        return this;
    }

    /** Read only what is written after the job starts (default: every retained record, TRIM_HORIZON). */
    public ShardlineSourceBuilder<T> startingAtLatest() {
        this.startAtLatest = true;
        return this;
    }

    /**
     * Read from the first record created at or after {@code time} (AT_TIMESTAMP; record times are
     * DynamoDB's approximate creation times, to the second).
     */
    public ShardlineSourceBuilder<T> startingAtTimestamp(Instant time) {
        this.startAtMillis = time.toEpochMilli();
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
        if ((streamArn == null) == (tableName == null)) {
            throw new IllegalArgumentException("Give exactly one of streamArn and tableName, not " + streamArn + " and "
                    + tableName);
        }
        Objects.requireNonNull(schema, "a deserializer is required");
        int perGet = options.get(ShardlineSourceOptions.RECORDS_PER_GET);
        if (perGet < 1 || perGet > 1000) {
            throw new IllegalArgumentException(ShardlineSourceOptions.RECORDS_PER_GET.key()
                    + " must be 1 to 1000, not " + perGet);
        }
        if (startAtLatest && startAtMillis != 0) {
            throw new IllegalArgumentException("Choose one starting position: LATEST or a timestamp, not both");
        }
        return new ShardlineSource<>(new StreamsClientSettings(endpoint, region, accessKeyId, secretAccessKey),
                streamArn, tableName, startAtLatest, startAtMillis, bounded, schema, options);
    }
}
