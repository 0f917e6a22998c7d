package io.shardline.jobs.index;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.sink.opensearch.DeadLetterFile;
import io.shardline.connector.sink.opensearch.DocumentWrite;
import io.shardline.connector.sink.opensearch.ItemDocuments;
import io.shardline.connector.sink.opensearch.OpenSearchSink;
import io.shardline.connector.sink.opensearch.OpenSearchSinkOptions;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.connector.source.ShardlineSourceBuilder;
import io.shardline.connector.source.scan.TableScanSource;
import io.shardline.jobs.versions.KeyedChange;
import io.shardline.jobs.versions.KeyedVersioner;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The index job's dataflow: the table's items from a parallel Scan and its changes from the stream
 * since the plan's handoff, keyed by document id through {@link KeyedVersioner}, into the
 * OpenSearch sink. Operators have fixed uids, so savepoints carry over between versions of the job.
 */
public final class IndexPipeline {
    /** The name of the Scan source's operator, which progress reporting looks for. */
    static final String SNAPSHOT = "table snapshot";
    /** Network buffers leave after at most this long (Flink's default is 100 ms): freshness over batching. */
    private static final long BUFFER_TIMEOUT_MILLIS = 10;

    private IndexPipeline() {
    }

    static void build(StreamExecutionEnvironment env, IndexOptions options, IndexPlan plan) {
        env.setParallelism(options.parallelism);
        env.enableCheckpointing(options.checkpointInterval.toMillis());
        env.setBufferTimeout(BUFFER_TIMEOUT_MILLIS);
        DynamoClientSettings client = options.connection.settings();
        ItemChanges changes = new ItemChanges(new ItemDocuments(plan.table().keyAttributes(), options.metadataField),
                options.table, options.onTtlDelete == IndexOptions.TtlDeletes.keep);

        ShardlineSourceBuilder<ChangeRecord> stream = ShardlineSource.<ChangeRecord>builder().tableName(options.table)
                .endpoint(client.endpoint()).region(client.region()).credentialsProvider(client.credentials())
                .deserializer(ChangeRecordDeserializationSchema.changeRecords());
        if (plan.snapshot()) {
            stream.startingAtTimestamp(Instant.ofEpochSecond(plan.handoffSeconds()));
        }
        DataStream<KeyedChange> items = env.fromSource(stream.build(), WatermarkStrategy.noWatermarks(), "table stream")
                .uid("table-stream")
                .flatMap(new FromStream(changes))
                .name("stream changes").uid("stream-changes");
        if (plan.snapshot()) {
            long handoff = plan.handoffSeconds();
            TableScanSource<KeyedChange> scan = TableScanSource.<KeyedChange>builder().tableName(options.table)
                    .endpoint(client.endpoint()).region(client.region()).credentialsProvider(client.credentials())
                    .segments(options.scanSegments)
                    .items(item -> changes.fromSnapshot(item, handoff), TypeInformation.of(KeyedChange.class))
                    .build();
            items = items.union(env.fromSource(scan, WatermarkStrategy.noWatermarks(), SNAPSHOT).uid("table-snapshot"));
        }
        OpenSearchSink<KeyedChange> sink = OpenSearchSink.<KeyedChange>builder()
                .connection(options.search.connection()).index(plan.index()).documents(IndexPipeline::document)
                .deadLetters(DeadLetterFile.in(Path.of(options.deadLetters), options.table))
                .option(OpenSearchSinkOptions.BULK_FLUSH_INTERVAL, options.bulkFlushInterval).build();
        items.keyBy(change -> change.key)
                .process(new KeyedVersioner(options.versionRetention))
                .name("versions").uid("versions")
                .sinkTo(sink).name("opensearch").uid("opensearch");
    }

    /** A versioned change as the write of its document. */
    static DocumentWrite document(KeyedChange change) {
        return change.removed ? DocumentWrite.delete(change.key, change.version)
                : DocumentWrite.index(change.key, change.version, change.text());
    }

    /** The stream's records as item changes; records the index ignores (kept TTL deletes) make none. */
    private record FromStream(ItemChanges changes) implements FlatMapFunction<ChangeRecord, KeyedChange> {
        @Override
        public void flatMap(ChangeRecord record, Collector<KeyedChange> out) {
            KeyedChange change = changes.fromStream(record);
            if (change != null) {
                out.collect(change);
            }
        }
    }
}
