package io.shardline.jobs.replication;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.sink.ShardlineTableSink;
import io.shardline.connector.sink.ShardlineTableSinkOptions;
import io.shardline.jobs.versions.KeyedChange;
import io.shardline.jobs.versions.VersionedChanges;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The replication job's dataflow: the table's versioned changes ({@link VersionedChanges}: snapshot,
 * then stream, keyed by item key), read once and written by one table sink per target.
 */
final class ReplicationPipeline {
    /**
     * Each target's sink operator is named this, the target's number (from 1, in command-line
     * order) and a space, then the target's name; metric names spell the space as {@code _}.
     */
    static final String TARGET = "target";
    /** Network buffers leave after at most this long (Flink's default is 100 ms): freshness over batching. */
    private static final long BUFFER_TIMEOUT_MILLIS = 5;

    private ReplicationPipeline() {}

    static void build(StreamExecutionEnvironment env, ReplicationOptions options, ReplicationPlan plan) {
        env.setParallelism(options.copy.run.parallelism);
        env.enableCheckpointing(options.copy.checkpointInterval.toMillis());
        env.setBufferTimeout(BUFFER_TIMEOUT_MILLIS);
        DataStream<KeyedChange> versioned = VersionedChanges.of(
                env,
                options.connection.settings(),
                options.table,
                plan.handoff(),
                options.copy.scanSegments,
                plan.changes(),
                options.copy.versionRetention,
                options.copy.polling);
        for (int i = 0; i < plan.targets().size(); i++) {
            ReplicationTarget target = plan.targets().get(i);
            DynamoClientSettings client = target.settings();
            ShardlineTableSink<KeyedChange> sink = ShardlineTableSink.<KeyedChange>builder()
                    .tableName(target.table())
                    .endpoint(client.endpoint())
                    .region(client.region())
                    .credentialsProvider(client.credentials())
                    .versionAttribute(options.versionAttribute)
                    .writes(ReplicatedChanges::toWrite)
                    .option(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS, options.writesInFlight)
                    .option(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER, options.writeLinger)
                    .option(ShardlineTableSinkOptions.RETRY_MAX_DELAY, options.writeRetryMaxDelay)
                    .build();
            versioned.sinkTo(sink).name(TARGET + (i + 1) + " " + target.name()).uid("target-" + target.name());
        }
    }
}
