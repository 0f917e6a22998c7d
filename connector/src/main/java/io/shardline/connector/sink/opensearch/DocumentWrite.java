package io.shardline.connector.sink.opensearch;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One document write for {@link OpenSearchSink}: index {@code source} (a JSON object) under
 * {@code id}, or delete the document when {@code source} is null, applied only when {@code version}
 * is higher than the version OpenSearch holds for the id (external versioning).
 */
@PublicEvolving
public record DocumentWrite(String id, long version, String source) implements Serializable {
    public DocumentWrite {
        Objects.requireNonNull(id, "document id");
        if (version < 0) {
            throw new IllegalArgumentException(
                    "Document " + id + ": an external version must be at least 0, not " + version);
        }
    }

    public static DocumentWrite index(String id, long version, String source) {
        return new DocumentWrite(id, version, Objects.requireNonNull(source, "document source"));
    }

    public static DocumentWrite delete(String id, long version) {
        return new DocumentWrite(id, version, null);
    }

    public boolean isDelete() {
        return source == null;
    }

    /** Bytes the write takes in a bulk request, near enough for batching. */
    long sizeInBytes() {
        return id.length() + (source == null ? 0 : source.length()) + 64L;
    }
}
