package io.shardline.connector.sink.opensearch;

import io.shardline.connector.config.ConfigOptionRules;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Builds an {@link OpenSearchSink}. The connection, the index (or an alias with one write index)
 * and a mapping to {@link DocumentWrite}s are required; bulk limits and retries are
 * {@link OpenSearchSinkOptions}; dead letters go to files under {@code ./shardline-dead-letters}
 * unless {@link #deadLetters} says otherwise. Everything is checked at {@link #build()}.
 */
@PublicEvolving
public final class OpenSearchSinkBuilder<T> {
    /** Maps an element to the document write the sink makes for it. */
    @FunctionalInterface
    public interface DocumentMapping<T> extends Serializable {
        DocumentWrite toWrite(T element);
    }

    private OpenSearchConnection connection;
    private String index;
    private DocumentMapping<T> mapping;
    private DeadLetterOutput deadLetters;
    private final Configuration options = new Configuration();

    OpenSearchSinkBuilder() {}

    public OpenSearchSinkBuilder<T> connection(OpenSearchConnection nodes) {
        this.connection = Objects.requireNonNull(nodes, "OpenSearch connection");
        return this;
    }

    /** The index, or an alias with one write index, that the documents go to. */
    public OpenSearchSinkBuilder<T> index(String name) {
        this.index = name;
        return this;
    }

    /** How each element becomes an index or delete action with a version. */
    public OpenSearchSinkBuilder<T> documents(DocumentMapping<T> toWrite) {
        this.mapping = toWrite;
        return this;
    }

    /** Where documents refused for good go (default: {@link DeadLetterFile} in {@code ./shardline-dead-letters}). */
    public OpenSearchSinkBuilder<T> deadLetters(DeadLetterOutput output) {
        this.deadLetters = Objects.requireNonNull(output, "dead-letter output");
        return this;
    }

    /** Sets one of the {@link OpenSearchSinkOptions}. */
    public <V> OpenSearchSinkBuilder<T> option(ConfigOption<V> option, V value) {
        options.set(option, value);
        return this;
    }

    public OpenSearchSink<T> build() {
        if (connection == null) {
            throw new IllegalArgumentException("connection(...) is required: the OpenSearch URLs to write to");
        }
        ConfigOptionRules.text(index, "index");
        if (mapping == null) {
            throw new IllegalArgumentException("documents(mapping) is required: how each element becomes a document");
        }
        int actions = ConfigOptionRules.inRange(options, OpenSearchSinkOptions.BULK_MAX_ACTIONS, 1, Integer.MAX_VALUE);
        long bytes = ConfigOptionRules.bytesAtLeast(options, OpenSearchSinkOptions.BULK_MAX_BYTES, 1024);
        long flushMillis = ConfigOptionRules.positive(options, OpenSearchSinkOptions.BULK_FLUSH_INTERVAL)
                .toMillis();
        int inFlight =
                ConfigOptionRules.inRange(options, OpenSearchSinkOptions.MAX_IN_FLIGHT_REQUESTS, 1, Integer.MAX_VALUE);
        int buffered = ConfigOptionRules.inRange(
                options, OpenSearchSinkOptions.MAX_BUFFERED_ACTIONS, actions, Integer.MAX_VALUE);
        Duration baseDelay = ConfigOptionRules.positive(options, OpenSearchSinkOptions.RETRY_BASE_DELAY);
        Duration maxDelay = ConfigOptionRules.positive(options, OpenSearchSinkOptions.RETRY_MAX_DELAY);
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(OpenSearchSinkOptions.RETRY_MAX_DELAY.key() + " (" + maxDelay
                    + ") must be at least " + OpenSearchSinkOptions.RETRY_BASE_DELAY.key() + " (" + baseDelay + ")");
        }
        DocumentMapping<T> toWrite = mapping;
        ElementConverter<T, DocumentWrite> converter = (element, context) -> toWrite.toWrite(element);
        DeadLetterOutput output =
                deadLetters != null ? deadLetters : DeadLetterFile.in(Path.of("shardline-dead-letters"), null);
        return new OpenSearchSink<>(
                converter,
                actions,
                inFlight,
                buffered,
                bytes,
                flushMillis,
                connection,
                index,
                output,
                baseDelay,
                maxDelay);
    }
}
