package io.shardline.connector.sink;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Builds a {@link ShardlineTableSink}. A table name and a mapping to {@link TableWrite}s are required. */
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
    private int maxBatchSize = 25;
    private int maxInFlightRequests = 4;
    private int maxBufferedRequests = 10_000;
    private Duration maxTimeInBuffer = Duration.ofMillis(200);

    ShardlineTableSinkBuilder() {
    }

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
        this.credentials = CredentialsFactory.staticKeys(accessKey, secretKey);
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

    /** Writes per batch, 1 to 25 (default 25). */
    public ShardlineTableSinkBuilder<T> maxBatchSize(int writes) {
        this.maxBatchSize = writes;
        return this;
    }

    /** Batches in flight at once per writer (default 4). */
    public ShardlineTableSinkBuilder<T> maxInFlightRequests(int batches) {
        this.maxInFlightRequests = batches;
        return this;
    }

    /** Writes buffered before the writer applies backpressure (default 10,000). */
    public ShardlineTableSinkBuilder<T> maxBufferedRequests(int writes) {
        this.maxBufferedRequests = writes;
        return this;
    }

    /** Longest time a write waits for its batch to fill (default 200 ms). */
    public ShardlineTableSinkBuilder<T> maxTimeInBuffer(Duration time) {
        this.maxTimeInBuffer = time;
        return this;
    }

    public ShardlineTableSink<T> build() {
        Objects.requireNonNull(tableName, "a table name is required");
        Objects.requireNonNull(mapping, "a mapping to table writes is required");
        if (maxBatchSize < 1 || maxBatchSize > 25) {
            throw new IllegalArgumentException("A batch holds 1 to 25 writes, not " + maxBatchSize);
        }
        TableWriteMapping<T> toWrite = mapping;
        ElementConverter<T, TableWrite> converter = (element, context) -> toWrite.toWrite(element);
        return new ShardlineTableSink<>(converter, maxBatchSize, maxInFlightRequests, maxBufferedRequests,
                maxTimeInBuffer.toMillis(), new DynamoClientSettings(endpoint, region, credentials,
                DynamoClientSettings.DEFAULT_MAX_ATTEMPTS, DynamoClientSettings.DEFAULT_BASE_RETRY_DELAY,
                DynamoClientSettings.DEFAULT_MAX_RETRY_DELAY),
                tableName, versionAttribute);
    }
}
