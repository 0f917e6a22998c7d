package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.reader.ShardsFinishedEvent;
import io.shardline.connector.source.split.ShardSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Discovers a stream's shards and hands them to readers as splits, parents first: a shard is assigned
 * only once its parent is read to the end (or has left the stream), and then always to the reader
 * (subtask) that finished the parent, waiting for it if it is restarting. After a failover that
 * reader may read the parent again from its checkpoint; it holds the child back until then (see
 * ShardSplitReader), so no downstream operator sees a key's later change before its earlier one.
 * A reader reporting a finished shard triggers discovery at once.
 */
public final class ShardSplitEnumerator implements SplitEnumerator<ShardSplit, EnumeratorState> {
    private final SplitEnumeratorContext<ShardSplit> context;
    private final DynamoDbStreamsClient client;
    private final String streamArn;
    private final boolean startAtLatest;
    private final long startAtMillis;
    private final boolean bounded;
    private final Duration discoveryInterval;
    /** Finished splits and the subtask that finished each ({@link EnumeratorState#NO_READER} when none did). */
    private final Map<String, Integer> finished;
    private final Set<String> assigned;
    private final Map<String, ShardSplit> pending = new LinkedHashMap<>();
    private final Map<Integer, Integer> load = new HashMap<>();
    private boolean initialDiscoveryDone;

    public ShardSplitEnumerator(SplitEnumeratorContext<ShardSplit> context, DynamoDbStreamsClient client,
                                String streamArn, boolean startAtLatest, long startAtMillis, boolean bounded,
                                Duration discoveryInterval, EnumeratorState restored) {
        this.context = context;
        this.client = client;
        this.streamArn = streamArn;
        this.startAtLatest = startAtLatest;
        this.startAtMillis = startAtMillis;
        this.bounded = bounded;
        this.discoveryInterval = discoveryInterval;
        this.finished = new HashMap<>(restored == null ? Map.of() : restored.finishedBy());
        this.assigned = new HashSet<>(restored == null ? Set.of() : restored.assignedSplitIds());
        if (restored != null) {
            restored.pending().forEach(split -> pending.put(split.splitId(), split));
            initialDiscoveryDone = restored.initialDiscoveryDone();
        }
    }

    @Override
    public void start() {
        if (bounded) {
            context.callAsync(this::describeShards, this::discovered);
        } else {
            context.callAsync(this::describeShards, this::discovered, 0, discoveryInterval.toMillis());
        }
    }

    /** Every shard of the stream, through all DescribeStream pages; runs off the coordinator thread. */
    private List<Shard> describeShards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            StreamDescription page = client.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            shards.addAll(page.shards());
            start = page.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    private void discovered(List<Shard> shards, Throwable error) {
        if (error != null) {
            throw new IllegalStateException("Cannot list the shards of stream " + streamArn, error);
        }
        if (bounded && initialDiscoveryDone) {
            assignPending();
            return;
        }
        for (Shard shard : shards) {
            String splitId = streamArn + "|" + shard.shardId();
            if (finished.containsKey(splitId) || assigned.contains(splitId) || pending.containsKey(splitId)) {
                continue;
            }
            boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
            if (!initialDiscoveryDone && startAtLatest && !open) {
                finished.put(splitId, EnumeratorState.NO_READER);
                continue;
            }
            pending.put(splitId, new ShardSplit(streamArn, shard.shardId(), shard.parentShardId(), null,
                    !initialDiscoveryDone && startAtLatest, startAtMillis));
        }
        initialDiscoveryDone = true;
        assignPending();
    }

    private void assignPending() {
        Set<Integer> readers = context.registeredReaders().keySet();
        if (readers.isEmpty()) {
            return;
        }
        Map<Integer, List<ShardSplit>> assignment = new HashMap<>();
        for (ShardSplit split : new ArrayList<>(pending.values())) {
            String parent = split.parentShardId() == null ? null : streamArn + "|" + split.parentShardId();
            boolean parentKnownAndUnfinished = parent != null && !finished.containsKey(parent)
                    && (assigned.contains(parent) || pending.containsKey(parent));
            if (parentKnownAndUnfinished) {
                continue;
            }
            Integer preferred = parent == null ? null : finished.get(parent);
            if (preferred != null && preferred == EnumeratorState.NO_READER) {
                preferred = null;
            }
            if (preferred != null && !readers.contains(preferred)) {
                continue;
            }
            int reader = preferred != null ? preferred
                    : readers.stream().min(Comparator.comparingInt((Integer r) -> load.getOrDefault(r, 0))
                            .thenComparingInt(r -> r)).orElseThrow();
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(split);
            pending.remove(split.splitId());
            assigned.add(split.splitId());
            load.merge(reader, 1, Integer::sum);
        }
        assignment.forEach((reader, splits) -> splits.forEach(split -> context.assignSplit(split, reader)));
        if (bounded && pending.isEmpty() && assigned.isEmpty()) {
            readers.forEach(context::signalNoMoreSplits);
        }
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ShardsFinishedEvent done) {
            for (String splitId : done.splitIds()) {
                assigned.remove(splitId);
                finished.put(splitId, subtaskId);
                load.merge(subtaskId, -1, Integer::sum);
            }
            context.callAsync(this::describeShards, this::discovered);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assignPending();
    }

    /**
     * Splits assigned to a failed reader since its last checkpoint: they are read again from where
     * they say, so any end already reported for them no longer counts.
     */
    @Override
    public void addSplitsBack(List<ShardSplit> splits, int subtaskId) {
        for (ShardSplit split : splits) {
            assigned.remove(split.splitId());
            finished.remove(split.splitId());
            pending.put(split.splitId(), split);
        }
        load.remove(subtaskId);
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return new EnumeratorState(new HashMap<>(finished), new HashSet<>(assigned), new ArrayList<>(pending.values()),
                initialDiscoveryDone);
    }

    @Override
    public void close() {
        client.close();
    }
}
