package io.shardline.jobs.versions;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.connector.source.ShardlineSourceBuilder;
import io.shardline.connector.source.scan.TableScanSource;
import io.shardline.jobs.cli.StreamPolling;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The front of every job that keeps a copy of a table: the table's items from a parallel Scan
 * (when a snapshot is wanted) and its changes from the stream since the handoff, keyed by item
 * through {@link KeyedVersioner}. Operators have fixed uids, so savepoints carry over between
 * versions of a job.
 */
public final class VersionedChanges {
    /** The name of the Scan source's operator, which progress reporting looks for. */
    public static final String SNAPSHOT = "table snapshot";

    private VersionedChanges() {}

    /**
     * @param handoff whether to copy the table first, and from when the stream is read then; without a
     *                snapshot, the stream is read from its oldest record
     * @param polling how the stream is polled
     */
    public static DataStream<KeyedChange> of(
            StreamExecutionEnvironment env,
            DynamoClientSettings client,
            String table,
            SnapshotHandoff handoff,
            int scanSegments,
            ItemChangeMapping changes,
            Duration versionRetention,
            StreamPolling polling) {
        ShardlineSourceBuilder<ChangeRecord> stream = polling.applyTo(ShardlineSource.<ChangeRecord>builder()
                .tableName(table)
                .endpoint(client.endpoint())
                .region(client.region())
                .credentialsProvider(client.credentials())
                .deserializer(ChangeRecordDeserializationSchema.changeRecords()));
        if (handoff.snapshot()) {
            stream.startingAtTimestamp(handoff.time());
        }
        DataStream<KeyedChange> items = env.fromSource(stream.build(), WatermarkStrategy.noWatermarks(), "table stream")
                .uid("table-stream")
                .flatMap(new FromStream(changes))
                .name("stream changes")
                .uid("stream-changes");
        if (handoff.snapshot()) {
            TableScanSource<KeyedChange> scan = TableScanSource.<KeyedChange>builder()
                    .tableName(table)
                    .endpoint(client.endpoint())
                    .region(client.region())
                    .credentialsProvider(client.credentials())
                    .segments(scanSegments)
                    .items(item -> changes.fromSnapshot(item, handoff.seconds()), TypeInformation.of(KeyedChange.class))
                    .build();
            items = items.union(env.fromSource(scan, WatermarkStrategy.noWatermarks(), SNAPSHOT)
                    .uid("table-snapshot"));
        }
        return items.keyBy(change -> change.key)
                .process(new KeyedVersioner(versionRetention))
                .name("versions")
                .uid("versions");
    }

    /** The stream's records as changes; records the job ignores make none. */
    private record FromStream(ItemChangeMapping changes) implements FlatMapFunction<ChangeRecord, KeyedChange> {
        @Override
        public void flatMap(ChangeRecord record, Collector<KeyedChange> out) {
            KeyedChange change = changes.fromStream(record);
            if (change != null) {
                out.collect(change);
            }
        }
    }
}
