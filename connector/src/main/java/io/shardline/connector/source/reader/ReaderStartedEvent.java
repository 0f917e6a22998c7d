package io.shardline.connector.source.reader;

import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Sent by a reader to the enumerator when it starts: the splits it resumed from its checkpoint. A
 * split the enumerator counts as assigned but no reader resumed was finished before the checkpoint,
 * though its {@link ShardsFinishedEvent} did not reach the enumerator's part of that checkpoint.
 */
@Internal
public record ReaderStartedEvent(List<String> resumedSplitIds) implements SourceEvent {}
