package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.reader.ReaderStartedEvent;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Discovers the selected streams' shards and hands them to readers as splits, parents first: a shard
 * is assigned only once its parent is read to the end (or has left the stream), and then to the
 * reader (subtask) that finished the parent, waiting for it if it is restarting. After a regional
 * failover that reader may read the parent again from its checkpoint; it holds the child back until
 * then (see ShardSplitReader), so no downstream operator sees a key's later change before its earlier
 * one. A reader reporting a finished shard triggers a lookup of its children at once. When the source
 * follows tables, each table's latest stream is looked up at every discovery; a stream enabled after
 * the table's previous one was disabled is read once the previous one is read to its end.
 */
@Internal
public final class ShardSplitEnumerator implements SplitEnumerator<ShardSplit, EnumeratorState> {
    private final SplitEnumeratorContext<ShardSplit> context;
    private final ShardDiscovery discovery;
    private final StreamSelector selector;
    /** The streams read, oldest first: one fixed stream, or every stream the tables had since the job started. */
    private final List<String> streams;
    private final boolean startAtLatest;
    private final long startAtMillis;
    private final boolean bounded;
    private final Duration discoveryInterval;
    /** Finished splits and the subtask that finished each ({@link EnumeratorState#NO_READER} when none did). */
    private final Map<String, Integer> finished;
    private final Map<String, ShardSplit> pending = new LinkedHashMap<>();
    /**
     * Splits handed to readers, with the reader of each; {@link EnumeratorState#NO_READER} for one
     * restored with this enumerator that no reader has yet said it resumed.
     */
    private final Map<String, Integer> assigned = new HashMap<>();
    /** Per reader that registered but has not said which splits it resumed: the splits it held then. */
    private final Map<Integer, Set<String>> awaitingResumeReport = new HashMap<>();
    private final Set<Integer> reportedReaders = new HashSet<>();
    /** Readers told (in bounded mode) that no more splits come: told once per reader attempt. */
    private final Set<Integer> toldNoMoreSplits = new HashSet<>();
    private boolean initialDiscoveryDone;
    /** Whether every reader has registered once: until then nothing is assigned, so shards spread evenly. */
    private boolean allReadersSeen;

    /**
     * @param tables   a DynamoDB client for looking up tables; null when {@code selector} is a fixed stream
     * @param restored the state to resume from, or null at a fresh start. A restored job restarts every
     *                 reader from the same checkpoint, in which each finished shard's records are
     *                 already behind the barrier, so its children may go to any reader (also after a
     *                 change of parallelism).
     */
    public ShardSplitEnumerator(SplitEnumeratorContext<ShardSplit> context, DynamoDbStreamsClient client,
                                DynamoDbClient tables, StreamSelector selector, boolean startAtLatest,
                                long startAtMillis, boolean bounded, Duration discoveryInterval,
                                EnumeratorState restored) {
        this.context = context;
        this.discovery = new ShardDiscovery(client, tables, selector);
        this.selector = selector;
        this.streams = new CopyOnWriteArrayList<>(restored != null ? restored.streamArns()
                : selector instanceof StreamSelector.StreamArn fixed ? List.of(fixed.arn()) : List.of());
        this.startAtLatest = startAtLatest;
        this.startAtMillis = startAtMillis;
        this.bounded = bounded;
        this.discoveryInterval = discoveryInterval;
        this.finished = new HashMap<>();
        if (restored != null) {
            restored.finishedBy().keySet().forEach(splitId -> finished.put(splitId, EnumeratorState.NO_READER));
            restored.assignedSplitIds().forEach(splitId -> assigned.put(splitId, EnumeratorState.NO_READER));
            restored.pending().forEach(split -> pending.put(split.splitId(), split));
            initialDiscoveryDone = restored.initialDiscoveryDone();
        }
    }

    @Override
    public void start() {
        if (bounded) {
            context.callAsync(() -> discovery.allShards(streams), this::discovered);
        } else {
            context.callAsync(() -> discovery.allShards(streams), this::discovered, 0, discoveryInterval.toMillis());
        }
    }

    private void discovered(Map<String, List<Shard>> shardsByStream, Throwable error) {
        if (error != null) {
            throw new IllegalStateException("Cannot list the shards of " + selector.describe(), error);
        }
        if (bounded && initialDiscoveryDone) {
            assignPending();
            return;
        }
        shardsByStream.forEach((arn, shards) -> {
            if (!streams.contains(arn)) {
                streams.add(arn);
            }
            for (Shard shard : shards) {
                String splitId = ShardSplit.idOf(arn, shard.shardId());
                if (finished.containsKey(splitId) || assigned.containsKey(splitId) || pending.containsKey(splitId)) {
                    continue;
                }
                boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
                if (!initialDiscoveryDone && startAtLatest && !open) {
                    finished.put(splitId, EnumeratorState.NO_READER);
                    continue;
                }
                // the start position applies to the shards the job finds when it starts; a shard found
                // later holds only records made after that (a restored job's own start may be later still)
                pending.put(splitId, new ShardSplit(arn, shard.shardId(), shard.parentShardId(),
                        shard.sequenceNumberRange().startingSequenceNumber(), null,
                        !initialDiscoveryDone && startAtLatest, initialDiscoveryDone ? 0 : startAtMillis,
                        !initialDiscoveryDone));
            }
        });
        initialDiscoveryDone = true;
        assignPending();
    }

    private void assignPending() {
        Set<Integer> readers = context.registeredReaders().keySet();
        allReadersSeen |= readers.size() >= context.currentParallelism();
        if (!allReadersSeen || readers.isEmpty()) {
            return;
        }
        Map<Integer, List<ShardSplit>> assignment = new HashMap<>();
        Map<Integer, Integer> load = new HashMap<>();
        assigned.values().forEach(reader -> load.merge(reader, 1, Integer::sum));
        Map<String, Integer> firstUnfinishedStreams = firstUnfinishedStreamByTable();
        for (ShardSplit split : new ArrayList<>(pending.values())) {
            if (streams.indexOf(split.streamArn())
                    > firstUnfinishedStreams.get(StreamSelector.tableOf(split.streamArn()))) {
                continue;
            }
            String parent = split.parentSplitId();
            boolean parentKnownAndUnfinished = parent != null && !finished.containsKey(parent)
                    && (assigned.containsKey(parent) || pending.containsKey(parent));
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
            assigned.put(split.splitId(), reader);
            load.merge(reader, 1, Integer::sum);
        }
        assignment.forEach((reader, splits) -> splits.forEach(split -> context.assignSplit(split, reader)));
        if (bounded && pending.isEmpty() && assigned.isEmpty()) {
            readers.stream().filter(toldNoMoreSplits::add).forEach(context::signalNoMoreSplits);
        }
    }

    /**
     * For each table, the position (in {@link #streams}) of its oldest stream with shards still pending
     * or being read: the table's newer streams wait for it.
     */
    private Map<String, Integer> firstUnfinishedStreamByTable() {
        Map<String, Integer> first = new HashMap<>();
        List<String> unfinished = new ArrayList<>();
        assigned.keySet().forEach(splitId -> unfinished.add(ShardSplit.streamArnOf(splitId)));
        pending.values().forEach(split -> unfinished.add(split.streamArn()));
        for (String arn : unfinished) {
            first.merge(StreamSelector.tableOf(arn), streams.indexOf(arn), Math::min);
        }
        return first;
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ShardsFinishedEvent done) {
            done.splitIds().forEach(splitId -> finish(splitId, subtaskId));
            context.callAsync(() -> discovery.children(done.splitIds()), this::discovered);
        } else if (event instanceof ReaderStartedEvent started) {
            accountFor(subtaskId, started.resumedSplitIds());
        }
    }

    private void finish(String splitId, int finishedBy) {
        assigned.remove(splitId);
        finished.put(splitId, finishedBy);
    }

    /**
     * A reader finished a split before the checkpoint it resumed from, but its report reached the
     * enumerator after the enumerator's part of that checkpoint: the split is still counted as
     * assigned though nobody holds it, and its children would wait for ever. A split is such a
     * finished one when the reader it was assigned to (known while this enumerator runs) did not
     * resume it, or, for assignments restored with the enumerator, when every reader has said what it
     * resumed and none resumed it. Its records are all before the checkpoint, so its children may go
     * to any reader.
     */
    private void accountFor(int subtaskId, List<String> resumed) {
        Set<String> heldAtRegistration = awaitingResumeReport.remove(subtaskId);
        if (heldAtRegistration != null) {
            heldAtRegistration.stream().filter(id -> !resumed.contains(id) && assigned.containsKey(id))
                    .forEach(id -> finish(id, EnumeratorState.NO_READER));
        }
        resumed.stream().filter(assigned::containsKey).forEach(id -> assigned.put(id, subtaskId));
        reportedReaders.add(subtaskId);
        if (reportedReaders.size() >= context.currentParallelism()) {
            assigned.entrySet().stream().filter(e -> e.getValue() == EnumeratorState.NO_READER).map(Map.Entry::getKey)
                    .toList().forEach(id -> finish(id, EnumeratorState.NO_READER));
        }
        assignPending();
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
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        Set<String> held = new HashSet<>();
        assigned.forEach((splitId, reader) -> {
            if (reader == subtaskId) {
                held.add(splitId);
            }
        });
        awaitingResumeReport.put(subtaskId, held);
        toldNoMoreSplits.remove(subtaskId);
        assignPending();
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return new EnumeratorState(new ArrayList<>(streams), new HashMap<>(finished), new HashSet<>(assigned.keySet()),
                new ArrayList<>(pending.values()), initialDiscoveryDone);
    }

    @Override
    public void close() {
        discovery.close();
    }
}
