package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.StartingPosition;
import io.shardline.connector.source.reader.ReaderStartedEvent;
import io.shardline.connector.source.reader.ShardsFinishedEvent;
import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.SplitId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger LOG = LoggerFactory.getLogger(ShardSplitEnumerator.class);
    private final SplitEnumeratorContext<ShardSplit> context;
    private final ShardDiscovery discovery;
    private final StreamSelector selector;
    private final StartingPosition start;
    private final boolean bounded;
    private final Duration discoveryInterval;
    private final ShardLedger ledger;
    /** Per reader that registered but has not said which splits it resumed: the splits it held then. */
    private final Map<Integer, Set<SplitId>> awaitingResumeReport = new HashMap<>();

    private final Set<Integer> reportedReaders = new HashSet<>();
    /** Readers told (in bounded mode) that no more splits come: told once per reader attempt. */
    private final Set<Integer> toldNoMoreSplits = new HashSet<>();
    /** Whether every reader has registered once: until then nothing is assigned, so shards spread evenly. */
    private boolean allReadersSeen;

    /**
     * @param tables   a DynamoDB client for looking up tables; null when {@code selector} is a fixed stream
     * @param start    where the shards found at the first discovery start; later ones start at their first record
     * @param restored the state to resume from, or null at a fresh start. A restored job restarts every
     *                 reader from the same checkpoint, in which each finished shard's records are
     *                 already behind the barrier, so its children may go to any reader (also after a
     *                 change of parallelism).
     */
    public ShardSplitEnumerator(
            SplitEnumeratorContext<ShardSplit> context,
            DynamoDbStreamsClient client,
            DynamoDbClient tables,
            StreamSelector selector,
            StartingPosition start,
            boolean bounded,
            Duration discoveryInterval,
            EnumeratorState restored) {
        this.context = context;
        this.discovery = new ShardDiscovery(client, tables, selector);
        this.selector = selector;
        this.start = start;
        this.bounded = bounded;
        this.discoveryInterval = discoveryInterval;
        this.ledger = restored != null
                ? ShardLedger.restored(restored)
                : ShardLedger.fresh(
                        selector instanceof StreamSelector.StreamArn fixed ? List.of(fixed.arn()) : List.of());
    }

    @Override
    public void start() {
        if (bounded) {
            context.callAsync(() -> discovery.allShards(ledger.streams()), this::discovered);
        } else {
            context.callAsync(
                    () -> discovery.allShards(ledger.streams()), this::discovered, 0, discoveryInterval.toMillis());
        }
    }

    private void discovered(Map<String, List<Shard>> shardsByStream, Throwable error) {
        if (error != null) {
            throw new IllegalStateException("Cannot list the shards of " + selector.describe(), error);
        }
        boolean initial = !ledger.initialDiscoveryDone();
        if (bounded && !initial) {
            assignPending();
            return;
        }
        // the start position applies to the shards the job finds when it starts; a shard found later
        // holds only records made after that (a restored job's own start may be later still)
        StartingPosition from = initial ? start : StartingPosition.trimHorizon();
        int found = ledger.pendingCount();
        shardsByStream.forEach((arn, shards) -> {
            if (ledger.addStream(arn)) {
                LOG.info("Reading stream {}", arn);
            }
            for (Shard shard : shards) {
                SplitId id = new SplitId(arn, shard.shardId());
                if (ledger.knows(id)) {
                    continue;
                }
                boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
                if (from instanceof StartingPosition.Latest && !open) {
                    ledger.finish(id, EnumeratorState.NO_READER);
                    LOG.debug("Skipping closed shard {}: the source starts at the latest records", id);
                    continue;
                }
                ledger.addPending(new ShardSplit(
                        arn,
                        shard.shardId(),
                        shard.parentShardId(),
                        shard.sequenceNumberRange().startingSequenceNumber(),
                        null,
                        from,
                        initial));
            }
        });
        if (ledger.pendingCount() > found) {
            LOG.info(
                    "Discovered {} new shard(s) of {}; {} pending, {} being read, {} finished",
                    ledger.pendingCount() - found,
                    selector.describe(),
                    ledger.pendingCount(),
                    ledger.assignedCount(),
                    ledger.finishedCount());
        }
        ledger.initialDiscoveryDone(true);
        assignPending();
    }

    private void assignPending() {
        Set<Integer> readers = context.registeredReaders().keySet();
        allReadersSeen |= readers.size() >= context.currentParallelism();
        if (!allReadersSeen || readers.isEmpty()) {
            return;
        }
        Map<Integer, List<ShardSplit>> assignment = new HashMap<>();
        Map<Integer, Integer> load = ledger.loadByReader();
        Map<String, Integer> firstUnfinishedStreams = ledger.firstUnfinishedStreamByTable();
        for (ShardSplit split : ledger.pending()) {
            if (ledger.waitsForAnOlderStream(split, firstUnfinishedStreams)) {
                continue;
            }
            SplitId parent = split.parentId();
            if (parent != null && ledger.unfinished(parent)) {
                continue;
            }
            Integer preferred = parent == null ? null : ledger.finishedBy(parent);
            if (preferred != null && preferred == EnumeratorState.NO_READER) {
                preferred = null;
            }
            if (preferred != null && !readers.contains(preferred)) {
                continue;
            }
            int reader = preferred != null
                    ? preferred
                    : readers.stream()
                            .min(Comparator.comparingInt((Integer r) -> load.getOrDefault(r, 0))
                                    .thenComparingInt(r -> r))
                            .orElseThrow();
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(split);
            ledger.assign(split, reader);
            load.merge(reader, 1, Integer::sum);
        }
        assignment.forEach((reader, splits) -> splits.forEach(split -> {
            LOG.info("Assigning shard {} (parent {}) to reader {}", split.splitId(), split.parentId(), reader);
            context.assignSplit(split, reader);
        }));
        if (bounded && ledger.allFinished()) {
            readers.stream().filter(toldNoMoreSplits::add).forEach(context::signalNoMoreSplits);
        }
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ShardsFinishedEvent done) {
            List<SplitId> finished =
                    done.splitIds().stream().map(SplitId::parse).toList();
            finished.forEach(id -> finish(id, subtaskId));
            context.callAsync(() -> discovery.children(finished), this::discovered);
        } else if (event instanceof ReaderStartedEvent started) {
            accountFor(
                    subtaskId,
                    started.resumedSplitIds().stream().map(SplitId::parse).toList());
        }
    }

    private void finish(SplitId id, int finishedBy) {
        ledger.finish(id, finishedBy);
        LOG.info("Shard {} finished by reader {}", id, finishedBy);
    }

    /** Finishes a split whose end no reader reported, see {@link #accountFor}. */
    private void inferFinished(SplitId id) {
        LOG.info("Shard {} was finished before the checkpoint the readers resumed from; its children may start", id);
        finish(id, EnumeratorState.NO_READER);
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
    private void accountFor(int subtaskId, List<SplitId> resumed) {
        Set<SplitId> heldAtRegistration = awaitingResumeReport.remove(subtaskId);
        if (heldAtRegistration != null) {
            heldAtRegistration.stream()
                    .filter(id -> !resumed.contains(id) && ledger.isAssigned(id))
                    .forEach(this::inferFinished);
        }
        resumed.forEach(id -> ledger.resumedBy(id, subtaskId));
        reportedReaders.add(subtaskId);
        if (reportedReaders.size() >= context.currentParallelism()) {
            ledger.assignedTo(EnumeratorState.NO_READER).forEach(this::inferFinished);
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
        LOG.info("Reader {} failed; its {} shard(s) are read again from its last checkpoint", subtaskId, splits.size());
        splits.forEach(ledger::giveBack);
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        awaitingResumeReport.put(subtaskId, ledger.assignedTo(subtaskId));
        toldNoMoreSplits.remove(subtaskId);
        assignPending();
    }

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return ledger.snapshot();
    }

    @Override
    public void close() {
        discovery.close();
    }
}
