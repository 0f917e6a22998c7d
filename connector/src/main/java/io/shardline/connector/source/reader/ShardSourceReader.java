package io.shardline.connector.source.reader;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/**
 * A source reader of shard splits: reports the splits it resumed when it starts, and each finished
 * shard, to the enumerator, which then assigns its children.
 */
@Internal
public final class ShardSourceReader<T>
        extends SingleThreadMultiplexSourceReaderBase<ChangeRecord, T, ShardSplit, ShardSplitState> {
    /** Splits added before {@link #start()}: the ones restored from a checkpoint. */
    private final List<String> resumed = new ArrayList<>();

    private boolean started;

    /** Splits the split reader read from their shards' first records; they are checkpointed as such. */
    private final Set<String> readFromStart;

    /**
     * @param splitReader   makes the split reader, given the set where it notes the splits it read from
     *                      their shards' first records
     */
    public ShardSourceReader(
            Function<Set<String>, SplitReader<ChangeRecord, ShardSplit>> splitReader,
            ChangeRecordEmitter<T> emitter,
            Configuration config,
            SourceReaderContext context) {
        this(ConcurrentHashMap.newKeySet(), splitReader, emitter, config, context);
    }

    private ShardSourceReader(
            Set<String> readFromStart,
            Function<Set<String>, SplitReader<ChangeRecord, ShardSplit>> splitReader,
            ChangeRecordEmitter<T> emitter,
            Configuration config,
            SourceReaderContext context) {
        super(() -> splitReader.apply(readFromStart), emitter, config, context);
        this.readFromStart = readFromStart;
    }

    @Override
    public void addSplits(List<ShardSplit> splits) {
        if (!started) {
            splits.forEach(split -> resumed.add(split.splitId()));
        }
        super.addSplits(splits);
    }

    @Override
    public void start() {
        started = true;
        super.start();
        context.sendSourceEventToCoordinator(new ReaderStartedEvent(List.copyOf(resumed)));
    }

    @Override
    protected void onSplitFinished(Map<String, ShardSplitState> finished) {
        readFromStart.removeAll(finished.keySet());
        context.sendSourceEventToCoordinator(new ShardsFinishedEvent(new ArrayList<>(finished.keySet())));
    }

    @Override
    protected ShardSplitState initializedState(ShardSplit split) {
        return new ShardSplitState(split);
    }

    @Override
    protected ShardSplit toSplitType(String splitId, ShardSplitState state) {
        ShardSplit split = state.toSplit();
        return readFromStart.contains(splitId) ? split.readFromItsStart() : split;
    }
}
