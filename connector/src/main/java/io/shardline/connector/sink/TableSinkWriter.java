package io.shardline.connector.sink;

import io.shardline.connector.codec.AttributeValueBinary;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes batches of table writes (at most one per key, see {@link OneWritePerKeyBatchCreator}) as
 * concurrent conditional PutItem and DeleteItem calls: BatchWriteItem cannot carry conditions. Each
 * call applies only if the stored item's version attribute is absent or lower than the write's.
 * Snapshot puts of a batch go in one BatchWriteItem request instead, unconditionally, with the items
 * it leaves unprocessed sent again; a writer restored from a checkpoint, or running again after a
 * failure, sends them as conditional puts, since a replay may bring a snapshot item after a newer
 * change the table already holds.
 * A write whose condition fails is older than what the table holds (a replay) and is skipped and
 * counted; so is a put-if-absent that finds the key's item in the table. A key's writes reach the table in the order they came, across concurrent batches too: a
 * write is sent only once the key's previous write is done, so a delete is never overtaken by an
 * older put that would bring the item back. Throttled, failed (5xx) and unreachable calls, after the
 * client's own backoff, are sent again after a pause until they succeed (their batch stays in
 * flight, holding back only what the in-flight limit must); a write refused as invalid fails the
 * job, or is logged and counted when the sink is built not to; anything else fails the job naming
 * the write and the table.
 */
final class TableSinkWriter<T> extends AsyncSinkWriter<T, TableWrite> {
    private static final Logger LOG = LoggerFactory.getLogger(TableSinkWriter.class);
    private static final String CONDITION = "attribute_not_exists(#version) OR #version < :version";
    /** How long a writer with nothing in flight goes without applying a write before it counts as idle. */
    private static final long IDLE_MILLIS = 1000;

    private final DynamoDbAsyncClient client;
    private final String table;
    /** The endpoint named in errors, or null for Amazon DynamoDB's own. */
    private final String endpoint;

    private final String versionAttribute;
    /** The partition key attribute, whose absence a put-if-absent checks. */
    private final String partitionKey;

    private final boolean failOnInvalidWrite;
    private final Counter staleWritesSkipped;
    private final Counter writesRefused;
    private final Counter writesResent;
    private final Counter writesApplied;
    /** How long the latest applied write whose change time is known took from its change to the table. */
    private volatile long changeToWriteMillis = -1;
    /** When the latest write was applied (epoch millis). */
    private volatile long lastAppliedMillis;

    private final OneWritePerKeyBatchCreator batches;
    private final long resendPauseMillis;
    /** Per key, the call of its latest write until it is done: the key's next write is sent after it. */
    private final Map<List<AttributeValue>, CompletableFuture<Exception>> latestCallOfKey = new ConcurrentHashMap<>();

    private volatile boolean closed;
    /**
     * Whether this writer may see writes again that an earlier attempt already made (it was restored
     * from a checkpoint, or its task runs again after a failure): then a snapshot put could land on a
     * newer change written before the failure, so snapshot puts become conditional.
     */
    private final boolean mayReplay;

    private TableSinkWriter(
            ElementConverter<T, TableWrite> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<TableWrite>> states,
            DynamoDbAsyncClient client,
            OneWritePerKeyBatchCreator batches,
            String table,
            String endpoint,
            String versionAttribute,
            boolean failOnInvalidWrite,
            long resendPauseMillis) {
        super(converter, context, configuration, states, batches, new DequeRequestBuffer<>());
        this.batches = batches;
        this.resendPauseMillis = resendPauseMillis;
        this.mayReplay = context.getRestoredCheckpointId().isPresent()
                || context.getTaskInfo().getAttemptNumber() > 0;
        this.client = client;
        this.table = table;
        this.endpoint = endpoint;
        this.versionAttribute = versionAttribute;
        this.partitionKey = batches.keyAttributes().get(0);
        this.failOnInvalidWrite = failOnInvalidWrite;
        MetricGroup metrics = context.metricGroup().addGroup("shardline");
        this.staleWritesSkipped = metrics.counter("staleWritesSkipped", new ThreadSafeSimpleCounter());
        this.writesResent = metrics.counter("writesResent", new ThreadSafeSimpleCounter());
        this.writesApplied = metrics.counter("writesApplied", new ThreadSafeSimpleCounter());
        this.writesRefused = metrics.counter("writesRefused", new ThreadSafeSimpleCounter());
        metrics.gauge("changeToWriteMillis", this::changeToWriteLag);
    }

    /** A writer for {@code table}, whose key schema it looks up first. */
    static <T> TableSinkWriter<T> create(
            ShardlineTableSink<T> sink,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<TableWrite>> states) {
        DynamoDbAsyncClient client = sink.clientSettings().createAsyncTableClient();
        List<KeySchemaElement> schema = client.describeTable(r -> r.tableName(sink.tableName()))
                .join()
                .table()
                .keySchema();
        List<String> keys = new ArrayList<>();
        schema.stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> keys.add(k.attributeName()));
        schema.stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> keys.add(k.attributeName()));
        return new TableSinkWriter<>(
                sink.converter(),
                context,
                configuration,
                states,
                client,
                new OneWritePerKeyBatchCreator(keys),
                sink.tableName(),
                sink.clientSettings().endpoint(),
                sink.versionAttribute(),
                sink.failOnInvalidWrite(),
                Math.max(100, sink.clientSettings().maxRetryDelay().toMillis()));
    }

    @Override
    protected void submitRequestEntries(List<TableWrite> writes, ResultHandler<TableWrite> result) {
        List<CompletableFuture<Exception>> calls = new ArrayList<>(writes.size());
        List<TableWrite> snapshotPuts = new ArrayList<>();
        for (TableWrite write : writes) {
            if (write.kind() == TableWrite.Kind.SNAPSHOT_PUT && !mayReplay) {
                snapshotPuts.add(write);
            } else {
                calls.add(afterEarlierWritesOf(List.of(write), () -> sendUntilDone(write, 0)));
            }
        }
        if (!snapshotPuts.isEmpty()) {
            calls.add(afterEarlierWritesOf(snapshotPuts, () -> batchUntilDone(snapshotPuts, 0)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((ignored, never) -> {
            for (CompletableFuture<Exception> call : calls) {
                Exception fatal = call.join();
                if (fatal != null) {
                    result.completeExceptionally(fatal);
                    return;
                }
            }
            result.complete();
        });
    }

    /**
     * The lag of the writer: how long its latest applied write took from the change, or 0 once it is
     * idle (nothing in flight, nothing applied for a second), so an idle writer does not keep showing
     * the lag of its last write.
     */
    private long changeToWriteLag() {
        boolean idle = latestCallOfKey.isEmpty() && System.currentTimeMillis() - lastAppliedMillis > IDLE_MILLIS;
        return idle ? 0 : changeToWriteMillis;
    }

    /** Makes the call once every earlier call of the writes' keys is done, and makes it theirs latest. */
    private CompletableFuture<Exception> afterEarlierWritesOf(
            List<TableWrite> writes, Supplier<CompletableFuture<Exception>> send) {
        List<List<AttributeValue>> keys = new ArrayList<>(writes.size());
        List<CompletableFuture<Exception>> earlier = new ArrayList<>();
        for (TableWrite write : writes) {
            List<AttributeValue> key = batches.keyOf(write.attributes());
            keys.add(key);
            CompletableFuture<Exception> previous = latestCallOfKey.get(key);
            if (previous != null) {
                earlier.add(previous);
            }
        }
        CompletableFuture<Exception> call = earlier.isEmpty()
                ? send.get()
                : CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new))
                        .thenCompose(ignored -> send.get());
        for (List<AttributeValue> key : keys) {
            latestCallOfKey.put(key, call);
        }
        call.whenComplete((done, never) -> keys.forEach(key -> latestCallOfKey.remove(key, call)));
        return call;
    }

    /**
     * Sends snapshot puts in one BatchWriteItem request, and the items it leaves unprocessed again,
     * until every one is written; completes with null, or with the error that fails the job.
     */
    private CompletableFuture<Exception> batchUntilDone(List<TableWrite> puts, int resends) {
        List<WriteRequest> requests = new ArrayList<>(puts.size());
        for (TableWrite put : puts) {
            requests.add(WriteRequest.builder()
                    .putRequest(r -> r.item(versioned(put)))
                    .build());
        }
        return client.batchWriteItem(r -> r.requestItems(Map.of(table, requests)))
                .handle((response, error) -> {
                    Throwable cause = unwrap(error);
                    if (cause == null) {
                        Set<Map<String, AttributeValue>> unprocessed = new HashSet<>();
                        if (response.hasUnprocessedItems()) {
                            response.unprocessedItems()
                                    .getOrDefault(table, List.of())
                                    .forEach(request ->
                                            unprocessed.add(request.putRequest().item()));
                        }
                        writesApplied.inc(puts.size() - unprocessed.size());
                        return new BatchOutcome(
                                puts.stream()
                                        .filter(put -> unprocessed.contains(versioned(put)))
                                        .toList(),
                                null);
                    }
                    if (isTransient(cause) && !closed) {
                        return new BatchOutcome(puts, null);
                    }
                    return new BatchOutcome(
                            List.of(),
                            new IllegalStateException(
                                    "Writing " + puts.size()
                                            + " snapshot items (the first " + puts.get(0) + ") to table " + where()
                                            + " failed: "
                                            + cause.getMessage(),
                                    cause));
                })
                .thenCompose(outcome -> {
                    if (outcome.fatal() != null || outcome.again().isEmpty()) {
                        return CompletableFuture.completedFuture(outcome.fatal());
                    }
                    writesResent.inc(outcome.again().size());
                    return later(resends).thenCompose(ignored -> batchUntilDone(outcome.again(), resends + 1));
                });
    }

    /** What a BatchWriteItem call left: the puts to send again, or the error that fails the job. */
    private record BatchOutcome(List<TableWrite> again, Exception fatal) {}

    /**
     * Sends a write until the table applies it or refuses it as stale; completes with null, or with
     * the error that fails the job. A write the client gave up on (throttled, 5xx, unreachable) is
     * sent again after a pause, while later writes of its key wait behind it.
     */
    private CompletableFuture<Exception> sendUntilDone(TableWrite write, int resends) {
        return send(write).handle((done, error) -> error).thenCompose(error -> {
            Throwable cause = unwrap(error);
            if (cause == null) {
                writesApplied.inc();
                lastAppliedMillis = System.currentTimeMillis();
                if (write.changeTimeMillis() > 0) {
                    changeToWriteMillis = System.currentTimeMillis() - write.changeTimeMillis();
                }
                return CompletableFuture.completedFuture(null);
            }
            if (cause instanceof ConditionalCheckFailedException) {
                staleWritesSkipped.inc();
                return CompletableFuture.completedFuture(null);
            }
            if (isTransient(cause) && !closed) {
                writesResent.inc();
                return later(resends).thenCompose(ignored -> sendUntilDone(write, resends + 1));
            }
            if (!failOnInvalidWrite
                    && cause instanceof SdkServiceException service
                    && "ValidationException".equals(errorCode(service))) {
                writesRefused.inc();
                LOG.warn("Table {} refused {}: {}", where(), write, cause.getMessage());
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.completedFuture(new IllegalStateException(
                    "Writing " + write + " to table " + where() + " failed: " + cause.getMessage(), cause));
        });
    }

    /** Completes after a pause that doubles with each resend (up to the maximum retry delay), jittered. */
    private CompletableFuture<Void> later(int resends) {
        long pause = Math.min(resendPauseMillis, 100L << Math.min(resends, 10));
        long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
        Executor delayed = CompletableFuture.delayedExecutor(jittered, TimeUnit.MILLISECONDS);
        return CompletableFuture.runAsync(() -> {}, delayed);
    }

    private String where() {
        return table + (endpoint == null ? "" : " at " + endpoint);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private Map<String, AttributeValue> versioned(TableWrite put) {
        Map<String, AttributeValue> item = new HashMap<>(put.attributes());
        item.put(versionAttribute, AttributeValue.fromN(Long.toString(put.version())));
        return item;
    }

    private static boolean isTransient(Throwable cause) {
        return cause instanceof SdkClientException
                || (cause instanceof SdkServiceException service
                        && (service.isThrottlingException() || service.statusCode() >= 500));
    }

    private static String errorCode(SdkServiceException service) {
        return service instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorCode()
                : null;
    }

    private CompletableFuture<?> send(TableWrite write) {
        if (write.kind() == TableWrite.Kind.UNVERSIONED_PUT) {
            return client.putItem(r -> r.tableName(table).item(write.attributes()));
        }
        if (write.kind() == TableWrite.Kind.UNVERSIONED_DELETE) {
            return client.deleteItem(r -> r.tableName(table).key(write.attributes()));
        }
        if (write.kind() == TableWrite.Kind.PUT_IF_ABSENT) {
            return client.putItem(r -> r.tableName(table)
                    .item(write.attributes())
                    .conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", partitionKey)));
        }
        Map<String, String> names = Map.of("#version", versionAttribute);
        Map<String, AttributeValue> values = Map.of(":version", AttributeValue.fromN(Long.toString(write.version())));
        if (write.isDelete()) {
            return client.deleteItem(r -> r.tableName(table)
                    .key(write.attributes())
                    .conditionExpression(CONDITION)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        }
        Map<String, AttributeValue> item = versioned(write);
        return client.putItem(r -> r.tableName(table)
                .item(item)
                .conditionExpression(CONDITION)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
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
        closed = true;
        super.close();
        client.close();
    }
}
