package io.shardline.connector.source.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out Scan segments one at a time to readers that ask, so a fast reader takes more of them;
 * segments a failed reader held come back and are handed out again. Once none is left, each reader
 * that asks is told there are no more.
 */
final class ScanSegmentEnumerator implements SplitEnumerator<ScanSegmentSplit, List<ScanSegmentSplit>> {
    private final SplitEnumeratorContext<ScanSegmentSplit> context;
    private final Deque<ScanSegmentSplit> unassigned;

    ScanSegmentEnumerator(SplitEnumeratorContext<ScanSegmentSplit> context, Collection<ScanSegmentSplit> segments) {
        this.context = context;
        this.unassigned = new ArrayDeque<>(segments);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        ScanSegmentSplit next = unassigned.poll();
        if (next == null) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            context.assignSplit(next, subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<ScanSegmentSplit> splits, int subtaskId) {
        splits.forEach(unassigned::addFirst);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public List<ScanSegmentSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(unassigned);
    }

    @Override
    public void close() {}
}
