package io.shardline.connector.sink;

import io.shardline.connector.client.DynamoClientSettings;
import java.util.Collection;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink writing items into a table of Shardline or Amazon DynamoDB through the AWS SDK's
 * asynchronous client, on flink-connector-base's async sink: batches of at most 25 writes with at
 * most one per key, retries with backoff, everything buffered flushed at each checkpoint
 * (at-least-once). Every write carries a version and applies only over an older one, so replays after
 * a failure and retries never move an item backwards; with versions that follow the data (a source
 * sequence number, a window's event count) the table ends as an exactly-once run would leave it.
 * Build it with {@link #builder()}.
 */
@PublicEvolving
public final class ShardlineTableSink<T> extends ConfiguredAsyncSink<T, TableWrite> {
    private final DynamoClientSettings client;
    private final String tableName;
    private final String versionAttribute;
    private final boolean failOnInvalidWrite;

    ShardlineTableSink(
            ElementConverter<T, TableWrite> converter,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxTimeInBufferMillis,
            DynamoClientSettings client,
            String tableName,
            String versionAttribute,
            boolean failOnInvalidWrite) {
        super(
                converter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                16L * 1024 * 1024,
                maxTimeInBufferMillis,
                400L * 1024);
        this.client = client;
        this.tableName = tableName;
        this.versionAttribute = versionAttribute;
        this.failOnInvalidWrite = failOnInvalidWrite;
    }

    public static <T> ShardlineTableSinkBuilder<T> builder() {
        return new ShardlineTableSinkBuilder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<TableWrite>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<TableWrite>> states) {
        return TableSinkWriter.create(this, context, writerConfiguration(), states);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<TableWrite>> getWriterStateSerializer() {
        return new TableWriteStateSerializer();
    }

    DynamoClientSettings clientSettings() {
        return client;
    }

    String tableName() {
        return tableName;
    }

    String versionAttribute() {
        return versionAttribute;
    }

    boolean failOnInvalidWrite() {
        return failOnInvalidWrite;
    }

    ElementConverter<T, TableWrite> converter() {
        return getElementConverter();
    }
}
