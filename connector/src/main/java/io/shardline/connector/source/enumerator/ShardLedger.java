package io.shardline.connector.source.enumerator;

import io.shardline.connector.source.split.ShardSplit;
import io.shardline.connector.source.split.SplitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the enumerator knows of the streams it reads (oldest first) and of each of their shards: pending
 * (found, waiting for its parent or a reader), assigned to a reader, or finished (by a reader, or by
 * none). {@link EnumeratorState} is its checkpoint form.
 */
final class ShardLedger {
    /** Read by the discovery thread while the enumerator's thread adds to it. */
    private final List<String> streams;

    private final Map<SplitId, ShardSplit> pending = new LinkedHashMap<>();
    /**
     * Splits handed to readers, with the reader of each; {@link EnumeratorState#NO_READER} for one
     * restored with the enumerator that no reader has yet said it resumed.
     */
    private final Map<SplitId, Integer> assigned = new HashMap<>();
    /** Finished splits and the reader that finished each ({@link EnumeratorState#NO_READER} when none did). */
    private final Map<SplitId, Integer> finished = new HashMap<>();

    private boolean initialDiscoveryDone;

    private ShardLedger(List<String> streams) {
        this.streams = new CopyOnWriteArrayList<>(streams);
    }

    /** A ledger of nothing read yet, of {@code streams}. */
    static ShardLedger fresh(List<String> streams) {
        return new ShardLedger(streams);
    }

    /**
     * The ledger a checkpoint held. Every reader restarts from the same checkpoint, so which reader
     * finished or holds a split no longer counts.
     */
    static ShardLedger restored(EnumeratorState state) {
        ShardLedger ledger = new ShardLedger(state.streamArns());
        state.finishedBy().keySet().forEach(id -> ledger.finished.put(id, EnumeratorState.NO_READER));
        state.assigned().forEach(id -> ledger.assigned.put(id, EnumeratorState.NO_READER));
        state.pending().forEach(split -> ledger.pending.put(split.id(), split));
        ledger.initialDiscoveryDone = state.initialDiscoveryDone();
        return ledger;
    }

    /** The streams, oldest first; safe to read from another thread. */
    List<String> streams() {
        return streams;
    }

    /** Adds a stream after the others; false when it is known already. */
    boolean addStream(String arn) {
        if (streams.contains(arn)) {
            return false;
        }
        streams.add(arn);
        return true;
    }

    boolean initialDiscoveryDone() {
        return initialDiscoveryDone;
    }

    void initialDiscoveryDone(boolean done) {
        initialDiscoveryDone = done;
    }

    /** Whether the split is pending, assigned or finished. */
    boolean knows(SplitId id) {
        return pending.containsKey(id) || assigned.containsKey(id) || finished.containsKey(id);
    }

    void addPending(ShardSplit split) {
        pending.put(split.id(), split);
    }

    /** The pending splits, in the order they were found. */
    List<ShardSplit> pending() {
        return new ArrayList<>(pending.values());
    }

    /** Whether {@code id} is known and not finished yet: a child of it waits. */
    boolean unfinished(SplitId id) {
        return !finished.containsKey(id) && (assigned.containsKey(id) || pending.containsKey(id));
    }

    /** The reader that finished {@code id}, {@link EnumeratorState#NO_READER}, or null when it is not finished. */
    Integer finishedBy(SplitId id) {
        return finished.get(id);
    }

    /** Hands a pending split to {@code reader}. */
    void assign(ShardSplit split, int reader) {
        pending.remove(split.id());
        assigned.put(split.id(), reader);
    }

    /** How many splits each reader holds. */
    Map<Integer, Integer> loadByReader() {
        Map<Integer, Integer> load = new HashMap<>();
        assigned.values().forEach(reader -> load.merge(reader, 1, Integer::sum));
        return load;
    }

    /** Notes that {@code reader} (or {@link EnumeratorState#NO_READER}) read the split to its end. */
    void finish(SplitId id, int reader) {
        assigned.remove(id);
        finished.put(id, reader);
    }

    /** Notes that {@code reader} holds the assigned split {@code id}, resumed from its checkpoint. */
    void resumedBy(SplitId id, int reader) {
        if (assigned.containsKey(id)) {
            assigned.put(id, reader);
        }
    }

    boolean isAssigned(SplitId id) {
        return assigned.containsKey(id);
    }

    /** The splits assigned to {@code reader}. */
    Set<SplitId> assignedTo(int reader) {
        Set<SplitId> held = new HashSet<>();
        assigned.forEach((id, holder) -> {
            if (holder == reader) {
                held.add(id);
            }
        });
        return held;
    }

    /** Takes back a split a failed reader held: it is pending again, and any end reported for it no longer counts. */
    void giveBack(ShardSplit split) {
        assigned.remove(split.id());
        finished.remove(split.id());
        pending.put(split.id(), split);
    }

    /** Whether every split found is finished. */
    boolean allFinished() {
        return pending.isEmpty() && assigned.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    int assignedCount() {
        return assigned.size();
    }

    int finishedCount() {
        return finished.size();
    }

    /**
     * For each table, the position (in {@link #streams()}) of its oldest stream with splits still
     * pending or assigned: the table's newer streams wait for it.
     */
    Map<String, Integer> firstUnfinishedStreamByTable() {
        Map<String, Integer> first = new HashMap<>();
        List<String> unfinished = new ArrayList<>();
        assigned.keySet().forEach(id -> unfinished.add(id.streamArn()));
        pending.keySet().forEach(id -> unfinished.add(id.streamArn()));
        for (String arn : unfinished) {
            first.merge(StreamSelector.tableOf(arn), streams.indexOf(arn), Math::min);
        }
        return first;
    }

    /** Whether the split's stream must wait for an older stream of its table. */
    boolean waitsForAnOlderStream(ShardSplit split, Map<String, Integer> firstUnfinishedStreams) {
        return streams.indexOf(split.streamArn())
                > firstUnfinishedStreams.get(StreamSelector.tableOf(split.streamArn()));
    }

    /** The checkpoint form. */
    EnumeratorState snapshot() {
        return new EnumeratorState(
                new ArrayList<>(streams),
                new HashMap<>(finished),
                new HashSet<>(assigned.keySet()),
                new ArrayList<>(pending.values()),
                initialDiscoveryDone);
    }
}
