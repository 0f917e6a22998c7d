package io.shardline.connector.sink.opensearch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.opensearch.client.opensearch.OpenSearchAsyncClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Sends each batch as one bulk request and sorts its items by OpenSearch's answer: done (including
 * a delete of a document that is not there), a version conflict (an older write, counted and done),
 * retry after a backoff (429, 5xx, a lost connection), refused for good (400: to the dead letters),
 * or a failure no retry can mend (a missing index, no permission), which fails the job naming the
 * index and the error. A bulk stays in flight until its retries are done, and a bulk holding a
 * document that an earlier bulk still in flight holds is sent after it: a document's actions reach
 * OpenSearch in the order they came, across concurrent bulks and retries.
 */
final class OpenSearchSinkWriter<T> extends AsyncSinkWriter<T, DocumentWrite> {
    private final OpenSearchAsyncClient client;
    private final String index;
    private final DeadLetterOutput deadLetters;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final ScheduledExecutorService retryTimer;
    /** Per document id, the bulk holding its latest write until that bulk is done. */
    private final Map<String, CompletableFuture<Exception>> latestBulkOfId = new ConcurrentHashMap<>();

    private volatile boolean closed;
    private final Counter indexed;
    private final Counter deleted;
    private final Counter versionConflicts;
    private final Counter deadLettered;
    private final Counter retried;

    OpenSearchSinkWriter(
            ElementConverter<T, DocumentWrite> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<DocumentWrite>> states,
            OpenSearchConnection connection,
            String index,
            DeadLetterOutput deadLetters,
            Duration retryBaseDelay,
            Duration retryMaxDelay) {
        super(
                converter,
                context,
                configuration,
                states,
                new SimpleBatchCreator<>(configuration.getMaxBatchSizeInBytes()),
                new DequeRequestBuffer<>());
        this.index = index;
        this.deadLetters = deadLetters;
        this.baseDelayMillis = Math.max(1, retryBaseDelay.toMillis());
        this.maxDelayMillis = Math.max(baseDelayMillis, retryMaxDelay.toMillis());
        MetricGroup metrics = context.metricGroup().addGroup("shardline");
        indexed = metrics.counter("documentsIndexed", new ThreadSafeSimpleCounter());
        deleted = metrics.counter("documentsDeleted", new ThreadSafeSimpleCounter());
        versionConflicts = metrics.counter("versionConflicts", new ThreadSafeSimpleCounter());
        deadLettered = metrics.counter("deadLetters", new ThreadSafeSimpleCounter());
        retried = metrics.counter("retries", new ThreadSafeSimpleCounter());
        try {
            deadLetters.open(context.getTaskInfo().getIndexOfThisSubtask());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot open the dead-letter output " + deadLetters + ": " + e.getMessage(), e);
        }
        this.client = connection.createAsyncClient();
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opensearch-sink-retries-" + index);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void submitRequestEntries(List<DocumentWrite> writes, ResultHandler<DocumentWrite> result) {
        afterEarlierWritesOf(writes, () -> sendUntilDone(writes, 0)).whenComplete((fatal, unexpected) -> {
            if (unexpected != null) {
                result.completeExceptionally(new IllegalStateException(
                        "A bulk request of " + writes.size() + " actions to index " + index + " failed", unexpected));
            } else if (fatal != null) {
                result.completeExceptionally(fatal);
            } else {
                result.complete();
            }
        });
    }

    /**
     * Sends the bulk once every earlier bulk holding one of its documents is done, and makes it those
     * documents' latest: a document's actions reach OpenSearch in the order they came, so a delete is
     * never overtaken by an older index action that, once OpenSearch forgot the delete's version, would
     * bring the document back.
     */
    private CompletableFuture<Exception> afterEarlierWritesOf(
            List<DocumentWrite> writes, Supplier<CompletableFuture<Exception>> send) {
        Set<String> ids = new HashSet<>();
        List<CompletableFuture<Exception>> earlier = new ArrayList<>();
        for (DocumentWrite write : writes) {
            CompletableFuture<Exception> previous = ids.add(write.id()) ? latestBulkOfId.get(write.id()) : null;
            if (previous != null) {
                earlier.add(previous);
            }
        }
        CompletableFuture<Exception> bulk = earlier.isEmpty()
                ? send.get()
                : CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new))
                        .thenCompose(ignored -> send.get());
        ids.forEach(id -> latestBulkOfId.put(id, bulk));
        bulk.whenComplete((done, never) -> ids.forEach(id -> latestBulkOfId.remove(id, bulk)));
        return bulk;
    }

    /**
     * Sends the writes as one bulk request, and those to retry again after a backoff, until every one
     * is done; completes with null, or with the error that fails the job.
     */
    private CompletableFuture<Exception> sendUntilDone(List<DocumentWrite> writes, int failures) {
        List<BulkOperation> operations = new ArrayList<>(writes.size());
        for (DocumentWrite write : writes) {
            operations.add(
                    write.isDelete()
                            ? BulkOperation.of(o -> o.delete(d ->
                                    d.id(write.id()).version(write.version()).versionType(VersionType.External)))
                            : BulkOperation.of(o -> o.index(i -> i.id(write.id())
                                    .version(write.version())
                                    .versionType(VersionType.External)
                                    .document(new RawJson(write.source())))));
        }
        CompletableFuture<BulkResponse> call;
        try {
            call = client.bulk(BulkRequest.of(b -> b.index(index).operations(operations)));
        } catch (IOException | RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((response, error) -> {
                    try {
                        return error == null ? sortItems(writes, response.items()) : requestFailed(writes, error);
                    } catch (RuntimeException e) {
                        return BulkOutcome.failed(new IllegalStateException(
                                "Handling OpenSearch's answer to a bulk " + "request of " + writes.size()
                                        + " actions to index " + index + " failed",
                                e));
                    }
                })
                .thenCompose(outcome -> {
                    if (outcome.fatal() != null || outcome.again().isEmpty()) {
                        return CompletableFuture.completedFuture(outcome.fatal());
                    }
                    retried.inc(outcome.again().size());
                    return later(failures).thenCompose(ignored -> sendUntilDone(outcome.again(), failures + 1));
                });
    }

    /** What a bulk request left: the writes to send again, or the error that fails the job. */
    private record BulkOutcome(List<DocumentWrite> again, Exception fatal) {
        static BulkOutcome failed(Exception fatal) {
            return new BulkOutcome(List.of(), fatal);
        }
    }

    private BulkOutcome sortItems(List<DocumentWrite> writes, List<BulkResponseItem> items) {
        List<DocumentWrite> retry = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            DocumentWrite write = writes.get(i);
            BulkResponseItem item = items.get(i);
            int status = item.status();
            if (item.error() == null) {
                (write.isDelete() ? deleted : indexed).inc();
            } else if (status == 409) {
                versionConflicts.inc();
            } else if (status == 429 || status >= 500) {
                retry.add(write);
            } else if (status == 400) {
                try {
                    deadLetters.write(new DeadLetter(
                            index,
                            write.id(),
                            write.version(),
                            write.source(),
                            status,
                            item.error().type(),
                            item.error().reason()));
                } catch (IOException e) {
                    return BulkOutcome.failed(new IOException(
                            "Document " + write.id() + " was refused by index " + index
                                    + " and cannot be kept as a dead letter: " + e.getMessage(),
                            e));
                }
                deadLettered.inc();
            } else {
                return BulkOutcome.failed(new IllegalStateException("OpenSearch index " + index + " refused "
                        + "document " + write.id() + " with " + status + " "
                        + item.error().type() + ": "
                        + item.error().reason()));
            }
        }
        return new BulkOutcome(retry, null);
    }

    private BulkOutcome requestFailed(List<DocumentWrite> writes, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        int status = cause instanceof OpenSearchException refused
                ? refused.status()
                : cause instanceof ResponseException refused ? refused.status() : -1;
        boolean transientFailure = status == 429 || status >= 500 || (status < 0 && lostConnection(cause));
        if (transientFailure && !closed) {
            return new BulkOutcome(writes, null);
        }
        return BulkOutcome.failed(new IllegalStateException(
                "A bulk request of " + writes.size() + " actions to OpenSearch index " + index + " failed: " + cause,
                cause));
    }

    /**
     * Whether a request failed for want of a connection (refused, reset, closed, timed out), which a
     * retry can mend, rather than for an answer such as a refused authentication, which it cannot.
     */
    private static boolean lostConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException
                    || cause instanceof InterruptedIOException
                    || cause instanceof ConnectionClosedException) {
                return true;
            }
        }
        return false;
    }

    /** Completes after a backoff that doubles with each failure of the bulk in a row (full jitter above half). */
    private CompletableFuture<Void> later(int failures) {
        long delay = Math.min(maxDelayMillis, baseDelayMillis << Math.min(failures, 20));
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        CompletableFuture<Void> waited = new CompletableFuture<>();
        retryTimer.schedule(() -> waited.complete(null), jittered, TimeUnit.MILLISECONDS);
        return waited;
    }

    @Override
    protected long getSizeInBytes(DocumentWrite write) {
        return write.sizeInBytes();
    }

    @Override
    public void close() {
        closed = true;
        super.close();
        retryTimer.shutdownNow();
        try {
            client._transport().close();
            deadLetters.close();
        } catch (IOException e) {
            throw new IllegalStateException("Closing the OpenSearch sink writer of index " + index + " failed", e);
        }
    }
}
