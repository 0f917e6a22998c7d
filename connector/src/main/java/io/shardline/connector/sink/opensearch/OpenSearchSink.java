package io.shardline.connector.sink.opensearch;

import io.shardline.connector.sink.ConfiguredAsyncSink;
import java.time.Duration;
import java.util.Collection;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink keeping an OpenSearch index, on flink-connector-base's async sink and opensearch-java's
 * asynchronous client: index and delete actions in bulk requests limited by actions, bytes and time,
 * several requests in flight, everything buffered flushed at each checkpoint (at-least-once).
 *
 * <p>Every action carries an external version, so a replay is refused by OpenSearch with 409 and
 * counted as success ({@code versionConflicts}). Actions refused with 429 or 5xx, or lost to a
 * connection failure, are retried with backoff. A document's actions reach OpenSearch in the order
 * they came, across concurrent requests and retries, so an older index action never lands after a
 * delete whose version OpenSearch has forgotten ({@code index.gc_deletes}). Any other refusal (a mapping error, a malformed
 * document) goes to the {@link DeadLetterOutput} and the job goes on. Metrics are under the writer's
 * operator group, subgroup {@code shardline}. Build it with {@link #builder()}.
 */
@PublicEvolving
public final class OpenSearchSink<T> extends ConfiguredAsyncSink<T, DocumentWrite> {
    private final OpenSearchConnection connection;
    private final String index;
    private final DeadLetterOutput deadLetters;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;

    OpenSearchSink(
            ElementConverter<T, DocumentWrite> converter,
            int maxActions,
            int maxInFlightRequests,
            int maxBufferedActions,
            long maxBytes,
            long flushIntervalMillis,
            OpenSearchConnection connection,
            String index,
            DeadLetterOutput deadLetters,
            Duration retryBaseDelay,
            Duration retryMaxDelay) {
        super(converter, maxActions, maxInFlightRequests, maxBufferedActions, maxBytes, flushIntervalMillis, maxBytes);
        this.connection = connection;
        this.index = index;
        this.deadLetters = deadLetters;
        this.retryBaseDelay = retryBaseDelay;
        this.retryMaxDelay = retryMaxDelay;
    }

    public static <T> OpenSearchSinkBuilder<T> builder() {
        return new OpenSearchSinkBuilder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<DocumentWrite>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<DocumentWrite>> states) {
        return new OpenSearchSinkWriter<>(
                getElementConverter(),
                context,
                writerConfiguration(),
                states,
                connection,
                index,
                deadLetters,
                retryBaseDelay,
                retryMaxDelay);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<DocumentWrite>> getWriterStateSerializer() {
        return new DocumentWriteStateSerializer();
    }
}
