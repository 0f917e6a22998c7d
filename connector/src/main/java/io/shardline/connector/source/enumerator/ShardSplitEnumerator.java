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
 * only once its parent is read to the end (or has left the stream), and then to the reader that
 * finished the parent while that reader is alive, so no downstream operator sees a key's later
 * change before its earlier one. A reader reporting a finished shard triggers discovery at once.
 */
public final class ShardSplitEnumerator implements SplitEnumerator<ShardSplit, EnumeratorState> {
    private final SplitEnumeratorContext<ShardSplit> context;
    private final DynamoDbStreamsClient client;
    private final String streamArn;
    private final boolean startAtLatest;
    private final boolean bounded;
    private final Duration discoveryInterval;
    private final Set<String> finished;
    private final Set<String> assigned;
    private final Map<String, ShardSplit> pending = new LinkedHashMap<>();
    private final Map<String, Integer> finishedBy = new HashMap<>();
    private final Map<Integer, Integer> load = new HashMap<>();
    private boolean initialDiscoveryDone;

    public ShardSplitEnumerator(SplitEnumeratorContext<ShardSplit> context, DynamoDbStreamsClient client,
                                String streamArn, boolean startAtLatest, boolean bounded, Duration discoveryInterval,
                                EnumeratorState restored) {
        this.context = context;
        this.client = client;
        this.streamArn = streamArn;
        this.startAtLatest = startAtLatest;
        this.bounded = bounded;
        this.discoveryInterval = discoveryInterval;
        this.finished = new HashSet<>(restored == null ? Set.of() : restored.finishedSplitIds());
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
            if (finished.contains(splitId) || assigned.contains(splitId) || pending.containsKey(splitId)) {
                continue;
            }
            boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
            if (!initialDiscoveryDone && startAtLatest && !open) {
                finished.add(splitId);
                continue;
            }
            pending.put(splitId, new ShardSplit(streamArn, shard.shardId(), shard.parentShardId(), null,
                    !initialDiscoveryDone && startAtLatest));
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
            boolean parentKnownAndUnfinished = parent != null && !finished.contains(parent)
                    && (assigned.contains(parent) || pending.containsKey(parent));
            if (parentKnownAndUnfinished) {
                continue;
            }
            Integer preferred = parent == null ? null : finishedBy.get(parent);
            int reader = preferred != null && readers.contains(preferred) ? preferred
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
                finished.add(splitId);
                finishedBy.put(splitId, subtaskId);
                load.merge(subtaskId, -1, Integer::sum);
            }
            context.callAsync(this::describeShards, this::discovered);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assignPending();
    }

    @Override
    public void addSplitsBack(List<ShardSplit> splits, int subtaskId) {
        for (ShardSplit split : splits) {
            assigned.remove(split.splitId());
            pending.put(split.splitId(), split);
        }
        load.remove(subtaskId);
        finishedBy.values().removeIf(reader -> reader == subtaskId);
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        assignPending();
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return new EnumeratorState(new HashSet<>(finished), new HashSet<>(assigned), new ArrayList<>(pending.values()),
                initialDiscoveryDone);
    }

    @Override
    public void close() {
        client.close();
    }
}
