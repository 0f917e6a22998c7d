package io.shardline.connector.source;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.enumerator.EnumeratorState;
import io.shardline.connector.source.enumerator.EnumeratorStateSerializer;
import io.shardline.connector.source.enumerator.ShardSplitEnumerator;
import io.shardline.connector.source.enumerator.StreamSelector;
import io.shardline.connector.source.reader.ChangeRecordEmitter;
import io.shardline.connector.source.reader.ShardReaderMetrics;
import io.shardline.connector.source.reader.ShardSourceReader;
import io.shardline.connector.source.reader.ShardSplitReader;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitSerializer;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink source of the change records of one DynamoDB stream (Shardline's or Amazon's), or of the
 * streams of several tables (named or matching a pattern; each table's streams one after another),
 * one split per shard, parents before children. Build it with
 * {@link #builder()}.
 */
@PublicEvolving
public final class ShardlineSource<T> implements Source<T, ShardSplit, EnumeratorState>, ResultTypeQueryable<T> {
    private final DynamoClientSettings client;
    private final StreamSelector selector;
    private final StartingPosition start;
    private final boolean bounded;
    private final ChangeRecordDeserializationSchema<T> schema;
    private final Configuration options;

    ShardlineSource(
            DynamoClientSettings client,
            StreamSelector selector,
            StartingPosition start,
            boolean bounded,
            ChangeRecordDeserializationSchema<T> schema,
            Configuration options) {
        this.client = client;
        this.selector = selector;
        this.start = start;
        this.bounded = bounded;
        this.schema = schema;
        this.options = options;
    }

    public static <T> ShardlineSourceBuilder<T> builder() {
        return new ShardlineSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, ShardSplit> createReader(SourceReaderContext context) {
        ShardReaderMetrics metrics = new ShardReaderMetrics(context.metricGroup());
        return new ShardSourceReader<>(
                readFromStart -> new ShardSplitReader(
                        client.createClient(),
                        options.get(ShardlineSourceOptions.RECORDS_PER_GET),
                        options.get(ShardlineSourceOptions.IDLE_POLL_INTERVAL),
                        bounded,
                        options.get(ShardlineSourceOptions.ON_TRIMMED_DATA),
                        metrics,
                        readFromStart),
                new ChangeRecordEmitter<>(schema),
                options,
                context);
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> createEnumerator(SplitEnumeratorContext<ShardSplit> context) {
        return restoreEnumerator(context, null);
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<ShardSplit> context, EnumeratorState state) {
        return new ShardSplitEnumerator(
                context,
                client.createClient(),
                selector.followsTables() ? client.createTableClient() : null,
                selector,
                start,
                bounded,
                options.get(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL),
                state);
    }

    @Override
    public SimpleVersionedSerializer<ShardSplit> getSplitSerializer() {
        return ShardSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return new EnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return schema.getProducedType();
    }
}
