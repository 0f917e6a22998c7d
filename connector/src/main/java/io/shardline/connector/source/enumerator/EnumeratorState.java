package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.split.ShardSplit;
import java.util.List;
import java.util.Set;

/**
 * What the enumerator checkpoints: shards read to their end, shards handed to readers (their
 * progress lives in the readers' state), and discovered shards not yet handed out.
 */
public record EnumeratorState(Set<String> finishedSplitIds, Set<String> assignedSplitIds, List<ShardSplit> pending,
                              boolean initialDiscoveryDone) {
}
