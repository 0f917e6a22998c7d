package io.shardline.jobs.index;

import io.shardline.connector.sink.opensearch.DeadLetterFile;
import io.shardline.connector.sink.opensearch.DocumentWrite;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.sink.opensearch.OpenSearchSink;
import io.shardline.connector.sink.opensearch.OpenSearchSinkOptions;
import io.shardline.jobs.versions.KeyedChange;
import io.shardline.jobs.versions.VersionedChanges;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The index job's dataflow: the table's versioned changes ({@link VersionedChanges}: snapshot, then
 * stream, keyed by document id) into the OpenSearch sink.
 */
public final class IndexPipeline {
    /** Network buffers leave after at most this long (Flink's default is 100 ms): freshness over batching. */
    private static final long BUFFER_TIMEOUT_MILLIS = 10;

    private IndexPipeline() {}

    static void build(StreamExecutionEnvironment env, IndexOptions options, IndexPlan plan) {
        env.setParallelism(options.copy.run.parallelism);
        env.enableCheckpointing(options.copy.checkpointInterval.toMillis());
        env.setBufferTimeout(BUFFER_TIMEOUT_MILLIS);
        ItemDocuments documents = new ItemDocuments(plan.table().keyAttributes(), options.metadataField);
        if (plan.typedField() != null) {
            documents = documents.withTypedField(plan.typedField(), options.unindexedAttributes);
        }
        ItemChanges changes =
                new ItemChanges(documents, options.table, options.onTtlDelete == IndexOptions.TtlDeletes.keep);
        OpenSearchSink<KeyedChange> sink = OpenSearchSink.<KeyedChange>builder()
                .connection(options.search.connection())
                .index(plan.index())
                .documents(IndexPipeline::document)
                .deadLetters(DeadLetterFile.in(Path.of(options.deadLetters), options.table))
                .option(OpenSearchSinkOptions.BULK_FLUSH_INTERVAL, options.bulkFlushInterval)
                .build();
        VersionedChanges.of(
                        env,
                        options.connection.settings(),
                        options.table,
                        plan.handoff(),
                        options.copy.scanSegments,
                        changes,
                        options.copy.versionRetention,
                        options.copy.polling)
                .sinkTo(sink)
                .name("opensearch")
                .uid("opensearch");
    }

    /** A versioned change as the write of its document. */
    static DocumentWrite document(KeyedChange change) {
        return change.removed
                ? DocumentWrite.delete(change.key, change.version)
                : DocumentWrite.index(change.key, change.version, change.text());
    }
}
