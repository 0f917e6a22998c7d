package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.SplitId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;

/**
 * What the enumerator checkpoints: the streams read (oldest first), shards read to their end with the subtask that finished each
 * (their children go to that subtask), shards handed to readers (their progress lives in the
 * readers' state), and discovered shards not yet handed out.
 */
@Internal
public record EnumeratorState(
        List<String> streamArns,
        Map<SplitId, Integer> finishedBy,
        Set<SplitId> assigned,
        List<ShardSplit> pending,
        boolean initialDiscoveryDone) {
    /** Finished without a reader (skipped at a LATEST start): children may go to any reader. */
    public static final int NO_READER = -1;
}
