package io.shardline.connector.source.reader;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.ShardSplitState;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/** A source reader of shard splits: reports each finished shard to the enumerator, which then assigns its children. */
public final class ShardSourceReader<T> extends SingleThreadMultiplexSourceReaderBase<ChangeRecord, T, ShardSplit, ShardSplitState> {

    public ShardSourceReader(Supplier<SplitReader<ChangeRecord, ShardSplit>> splitReader, ChangeRecordEmitter<T> emitter,
                             Configuration config, SourceReaderContext context) {
        super(splitReader, emitter, config, context);
    }

    @Override
    protected void onSplitFinished(Map<String, ShardSplitState> finished) {
        context.sendSourceEventToCoordinator(new ShardsFinishedEvent(new ArrayList<>(finished.keySet())));
    }

    @Override
    protected ShardSplitState initializedState(ShardSplit split) {
        return new ShardSplitState(split);
    }

    @Override
    protected ShardSplit toSplitType(String splitId, ShardSplitState state) {
        return state.toSplit();
    }
}
