package io.shardline.connector.sink.opensearch;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Where {@link OpenSearchSink} puts documents OpenSearch refused for good, so that none is dropped
 * silently. Each sink writer gets its own copy, opens it once, and may call {@link #write} from the
 * HTTP client's threads. {@link DeadLetterFile} is the default.
 */
@PublicEvolving
public interface DeadLetterOutput extends Serializable {
    /** Prepares the output of the writer with this subtask index. */
    void open(int subtaskIndex) throws IOException;

    /** Keeps one refused document; returns once it is safely written. */
    void write(DeadLetter letter) throws IOException;

    void close() throws IOException;
}
