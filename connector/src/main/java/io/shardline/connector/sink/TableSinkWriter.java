package io.shardline.connector.sink;

import io.shardline.connector.codec.AttributeValueBinary;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * Writes batches of table writes (at most one per key, see {@link OneWritePerKeyBatchCreator}) as
 * concurrent conditional PutItem and DeleteItem calls: BatchWriteItem cannot carry conditions. Each
 * call applies only if the stored item's version attribute is absent or lower than the write's.
 * A write whose condition fails is older than what the table holds (a replay or a retry overtaken by
 * a newer write) and is skipped and counted; throttled, failed (5xx) and unreachable calls, after the
 * client's own backoff, go back to the front of the buffer; anything else fails the job naming the
 * write.
 */
final class TableSinkWriter<T> extends AsyncSinkWriter<T, TableWrite> {
    private static final String CONDITION = "attribute_not_exists(#version) OR #version < :version";
    private final DynamoDbAsyncClient client;
    private final String table;
    private final String versionAttribute;
    private final Counter staleWritesSkipped;

    private TableSinkWriter(ElementConverter<T, TableWrite> converter, WriterInitContext context,
                            AsyncSinkWriterConfiguration configuration,
                            Collection<BufferedRequestState<TableWrite>> states, DynamoDbAsyncClient client,
                            List<String> keyAttributes, String table, String versionAttribute) {
        super(converter, context, configuration, states, new OneWritePerKeyBatchCreator(keyAttributes),
                new DequeRequestBuffer<>());
        this.client = client;
        this.table = table;
        this.versionAttribute = versionAttribute;
        this.staleWritesSkipped = context.metricGroup().addGroup("shardline").counter("staleWritesSkipped");
    }

    /** A writer for {@code table}, whose key schema it looks up first. */
    static <T> TableSinkWriter<T> create(ShardlineTableSink<T> sink, WriterInitContext context,
                                         AsyncSinkWriterConfiguration configuration,
                                         Collection<BufferedRequestState<TableWrite>> states) {
        DynamoDbAsyncClient client = sink.clientSettings().createAsyncTableClient();
        List<KeySchemaElement> schema = client.describeTable(r -> r.tableName(sink.tableName())).join().table()
                .keySchema();
        List<String> keys = new ArrayList<>();
        schema.stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> keys.add(k.attributeName()));
        schema.stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> keys.add(k.attributeName()));
        return new TableSinkWriter<>(sink.converter(), context, configuration, states, client, keys, sink.tableName(),
                sink.versionAttribute());
    }

    @Override
    protected void submitRequestEntries(List<TableWrite> writes, ResultHandler<TableWrite> result) {
        List<CompletableFuture<Outcome>> calls = new ArrayList<>(writes.size());
        for (TableWrite write : writes) {
            calls.add(send(write).handle((done, error) -> outcome(write, error)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((ignored, never) -> {
            List<TableWrite> retry = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                Outcome outcome = calls.get(i).join();
                if (outcome.fatal != null) {
                    result.completeExceptionally(outcome.fatal);
                    return;
                }
                if (outcome.retry) {
                    retry.add(writes.get(i));
                }
            }
            if (retry.isEmpty()) {
                result.complete();
            } else {
                result.retryForEntries(retry);
            }
        });
    }

    private CompletableFuture<?> send(TableWrite write) {
        Map<String, String> names = Map.of("#version", versionAttribute);
        Map<String, AttributeValue> values = Map.of(":version", AttributeValue.fromN(Long.toString(write.version())));
        if (write.isDelete()) {
            return client.deleteItem(r -> r.tableName(table).key(write.attributes()).conditionExpression(CONDITION)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        }
        Map<String, AttributeValue> item = new HashMap<>(write.attributes());
        item.put(versionAttribute, values.get(":version"));
        return client.putItem(r -> r.tableName(table).item(item).conditionExpression(CONDITION)
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    /** What one call's result means for its write. */
    private record Outcome(boolean retry, Exception fatal) {
    }

    private Outcome outcome(TableWrite write, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause == null) {
            return new Outcome(false, null);
        }
        if (cause instanceof ConditionalCheckFailedException) {
            staleWritesSkipped.inc();
            return new Outcome(false, null);
        }
        boolean transientFailure = cause instanceof SdkClientException
                || (cause instanceof SdkServiceException service && (service.isThrottlingException()
                || service.statusCode() >= 500));
        if (transientFailure) {
            return new Outcome(true, null);
        }
        return new Outcome(false, new IllegalStateException("Writing " + write + " to table " + table + " failed: "
                + cause.getMessage(), cause));
    }

    /** The write's size in the sink's state format, counted without keeping the bytes. */
    @Override
    protected long getSizeInBytes(TableWrite write) {
        DataOutputStream counter = new DataOutputStream(OutputStream.nullOutputStream());
        try {
            AttributeValueBinary.writeMap(write.attributes(), counter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.size();
    }

    @Override
    public void close() {
        super.close();
        client.close();
    }
}
