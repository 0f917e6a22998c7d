package io.shardline.jobs.archive;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.codec.DynamoDbJson;
import io.shardline.connector.sink.ShardlineTableSink;
import io.shardline.connector.sink.ShardlineTableSinkOptions;
import io.shardline.connector.sink.TableWrite;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.SequenceNumbers;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The restore job's operators, run as a bounded batch job: the archive files of the chosen hours,
 * each item's latest removal (an item can expire, be written again and expire again), the items
 * to put back, and the table sink putting each only where the table holds no item with its key.
 */
final class RestorePipeline {
    /** The table sink's operator name; its writers count what was restored, skipped and refused. */
    static final String SINK = "restore into table";

    private RestorePipeline() {}

    static void build(StreamExecutionEnvironment env, RestoreOptions options, List<Path> hours, ItemsToRestore items) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(options.run.parallelism);
        String suffix = options.format.suffix();
        FileSource<ChangeRecord> files = FileSource.forRecordStreamFormat(
                        options.format.reader(), hours.toArray(Path[]::new))
                .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(path -> isArchiveFile(path, suffix)))
                .build();
        DynamoClientSettings client = options.connection.settings();
        ShardlineTableSink<ChangeRecord> table = ShardlineTableSink.<ChangeRecord>builder()
                .tableName(options.target())
                .endpoint(client.endpoint())
                .region(client.region())
                .credentialsProvider(client.credentials())
                .option(ShardlineTableSinkOptions.FAIL_ON_INVALID_WRITE, false)
                .writes(removal -> TableWrite.putIfAbsent(removal.oldImage()))
                .build();
        env.fromSource(files, WatermarkStrategy.noWatermarks(), "archive files")
                .keyBy(new ItemKey())
                .reduce(new LatestRemoval())
                .name("latest removal of each item")
                .flatMap(items)
                .name("items to restore")
                .sinkTo(table)
                .name(SINK);
    }

    /** Directories of the archive and its files of one format; hidden files (in progress) are not. */
    static boolean isArchiveFile(Path path, String suffix) {
        String name = path.getName();
        return !name.startsWith(".") && !name.startsWith("_") && (!name.contains(".") || name.endsWith(suffix));
    }

    /** An item's key as text, its attributes in name order. */
    private static final class ItemKey implements KeySelector<ChangeRecord, String> {
        @Override
        public String getKey(ChangeRecord removal) {
            return DynamoDbJson.item(new TreeMap<>(removal.keys()));
        }
    }

    /** Of two removals of one item, the later one (by deletion time, then stream order). */
    static final class LatestRemoval implements ReduceFunction<ChangeRecord> {
        @Override
        public ChangeRecord reduce(ChangeRecord a, ChangeRecord b) {
            int order = Long.compare(a.approximateCreationTimeMillis(), b.approximateCreationTimeMillis());
            if (order == 0 && a.sequenceNumber() != null && b.sequenceNumber() != null) {
                order = SequenceNumbers.compare(a.sequenceNumber(), b.sequenceNumber());
            }
            return order >= 0 ? a : b;
        }
    }
}
