package io.shardline.connector.sink;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.config.ConfigOptionRules;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Builds a {@link ShardlineTableSink}. A table name and a mapping to {@link TableWrite}s are
 * required; batching, buffering and retries are {@link ShardlineTableSinkOptions}. Everything is
 * checked at {@link #build()}, with messages that name the setting and the value.
 */
@PublicEvolving
public final class ShardlineTableSinkBuilder<T> {
    /** Maps an element to the write the sink makes for it. */
    @FunctionalInterface
    public interface TableWriteMapping<T> extends Serializable {
        TableWrite toWrite(T element);
    }

    private String tableName;
    private TableWriteMapping<T> mapping;
    private String endpoint;
    private String region = "us-east-1";
    private CredentialsFactory credentials = CredentialsFactory.defaultChain();
    private String versionAttribute = "shardline:version";
    private final Configuration options = new Configuration();

    ShardlineTableSinkBuilder() {}

    public ShardlineTableSinkBuilder<T> tableName(String table) {
        this.tableName = table;
        return this;
    }

    /** How each element becomes a put or delete with a version. */
    public ShardlineTableSinkBuilder<T> writes(TableWriteMapping<T> toWrite) {
        this.mapping = toWrite;
        return this;
    }

    /** The DynamoDB endpoint, for example Shardline's server; leave unset for Amazon DynamoDB. */
    public ShardlineTableSinkBuilder<T> endpoint(String url) {
        this.endpoint = url;
        return this;
    }

    public ShardlineTableSinkBuilder<T> region(String name) {
        this.region = name;
        return this;
    }

    /** Static credentials; without them the AWS SDK's default credentials chain is used. */
    public ShardlineTableSinkBuilder<T> credentials(String accessKey, String secretKey) {
        this.credentials = CredentialsFactory.staticKeys(
                ConfigOptionRules.text(accessKey, "access key"), ConfigOptionRules.text(secretKey, "secret key"));
        return this;
    }

    /** Credentials from any AWS credentials provider, made on each task manager (default: the SDK's default chain). */
    public ShardlineTableSinkBuilder<T> credentialsProvider(CredentialsFactory factory) {
        this.credentials = Objects.requireNonNull(factory, "credentials factory");
        return this;
    }

    /** The item attribute holding each write's version (default {@code shardline:version}). */
    public ShardlineTableSinkBuilder<T> versionAttribute(String name) {
        this.versionAttribute = name;
        return this;
    }

    /** Sets one of the {@link ShardlineTableSinkOptions}. */
    public <V> ShardlineTableSinkBuilder<T> option(ConfigOption<V> option, V value) {
        options.set(option, value);
        return this;
    }

    public ShardlineTableSink<T> build() {
        ConfigOptionRules.text(tableName, "tableName");
        if (mapping == null) {
            throw new IllegalArgumentException("writes(mapping) is required: how each element becomes a table write");
        }
        ConfigOptionRules.text(versionAttribute, "versionAttribute");
        int batchSize = ConfigOptionRules.inRange(options, ShardlineTableSinkOptions.BATCH_SIZE, 1, 25);
        int inFlight = ConfigOptionRules.inRange(
                options, ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS, 1, Integer.MAX_VALUE);
        int buffered = ConfigOptionRules.inRange(
                options, ShardlineTableSinkOptions.MAX_BUFFERED_REQUESTS, batchSize, Integer.MAX_VALUE);
        long timeInBuffer = ConfigOptionRules.positive(options, ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER)
                .toMillis();
        DynamoClientSettings client = new DynamoClientSettings(
                endpoint,
                region,
                credentials,
                ConfigOptionRules.inRange(options, ShardlineTableSinkOptions.RETRY_MAX_ATTEMPTS, 1, Integer.MAX_VALUE),
                ConfigOptionRules.positive(options, ShardlineTableSinkOptions.RETRY_BASE_DELAY),
                ConfigOptionRules.positive(options, ShardlineTableSinkOptions.RETRY_MAX_DELAY));
        TableWriteMapping<T> toWrite = mapping;
        ElementConverter<T, TableWrite> converter = (element, context) -> toWrite.toWrite(element);
        return new ShardlineTableSink<>(
                converter,
                batchSize,
                inFlight,
                buffered,
                timeInBuffer,
                client,
                tableName,
                versionAttribute,
                options.get(ShardlineTableSinkOptions.FAIL_ON_INVALID_WRITE));
    }
}
