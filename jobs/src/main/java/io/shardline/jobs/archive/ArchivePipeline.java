package io.shardline.jobs.archive;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.connector.source.ShardlineSourceBuilder;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;

/**
 * The archive job's operators: the table's stream, the removals to keep, and Flink's file sink
 * writing them into the archive, partitioned and committed at checkpoints. Operators have fixed
 * uids, so savepoints carry over between versions of the job.
 */
final class ArchivePipeline {
    /** The file sink's operator name; its committer reports the files committed. */
    static final String FILES = "archive files";
    /** Parquet row groups are at most this big, so a file's size follows its writes closely enough to roll on. */
    private static final long MAX_ROW_GROUP_BYTES = 32L * 1024 * 1024;

    private ArchivePipeline() {}

    /** Builds the job; {@code archivedAlready} is what the archive holds of the stream (nothing on a resume). */
    static void build(StreamExecutionEnvironment env, ArchiveOptions options, ArchivedPositions archivedAlready) {
        env.setParallelism(options.run.parallelism);
        env.enableCheckpointing(options.checkpointInterval.toMillis());
        DynamoClientSettings client = options.connection.settings();
        ShardlineSourceBuilder<ChangeRecord> stream = options.polling.applyTo(ShardlineSource.<ChangeRecord>builder()
                .tableName(options.table)
                .endpoint(client.endpoint())
                .region(client.region())
                .credentialsProvider(client.credentials())
                .deserializer(ChangeRecordDeserializationSchema.changeRecords()));
        if (options.fromLatest && archivedAlready.shards() == 0) {
            stream.startingAtLatest();
        }
        long rollBytes = options.rollSize.getBytes();
        FileSink<ChangeRecord> files = FileSink.forBulkFormat(
                        new Path(options.to),
                        options.format.writer(options.table, Math.min(rollBytes, MAX_ROW_GROUP_BYTES)))
                .withBucketAssigner(new ArchivePartitions(options.table))
                .withRollingPolicy(new ArchiveRolling(rollBytes, options.rollInterval.toMillis()))
                .withBucketCheckInterval(Math.min(options.rollInterval.toMillis(), 60_000))
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("removals")
                        .withPartSuffix(options.format.suffix())
                        .build())
                .build();
        env.fromSource(stream.build(), WatermarkStrategy.noWatermarks(), "table stream")
                .uid("table-stream")
                .filter(new RemovalsToArchive(options.includeUserDeletes, archivedAlready))
                .name("removals")
                .uid("removals")
                .sinkTo(files)
                .name(FILES)
                .uid("archive-files");
    }
}
