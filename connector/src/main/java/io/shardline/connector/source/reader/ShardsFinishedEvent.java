package io.shardline.connector.source.reader;

import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;

/** Sent by a reader to the enumerator: these splits (shards) are read to their end. */
@Internal
public record ShardsFinishedEvent(List<String> splitIds) implements SourceEvent {}
