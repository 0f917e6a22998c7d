package io.shardline.connector.source.scan;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.metrics.Counter;

/**
 * Passes each scanned item on through the mapping and remembers its key as the segment's position;
 * asks the enumerator for another segment when it has none and when one ends.
 */
final class TableScanReader<T>
        extends SingleThreadMultiplexSourceReaderBase<ScannedItem, T, ScanSegmentSplit, TableScanReader.Position> {

    /** A segment and the key of the last item passed on. */
    static final class Position {
        private ScanSegmentSplit split;

        Position(ScanSegmentSplit split) {
            this.split = split;
        }
    }

    TableScanReader(
            Supplier<ScanSegmentReader> segments, TableScanSource.ItemMapping<T> mapping, SourceReaderContext context) {
        super(
                segments::get,
                new Emitter<>(
                        mapping, context.metricGroup().addGroup("shardline").counter("itemsScanned")),
                new Configuration(),
                context);
    }

    @Override
    public void start() {
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, Position> finished) {
        context.sendSplitRequest();
    }

    @Override
    protected Position initializedState(ScanSegmentSplit split) {
        return new Position(split);
    }

    @Override
    protected ScanSegmentSplit toSplitType(String splitId, Position position) {
        return position.split;
    }

    private record Emitter<T>(TableScanSource.ItemMapping<T> mapping, Counter scanned)
            implements RecordEmitter<ScannedItem, T, Position> {
        @Override
        public void emitRecord(ScannedItem scanned, SourceOutput<T> output, Position position) {
            T element = mapping.map(scanned.item());
            if (element != null) {
                output.collect(element);
            }
            position.split = position.split.resumingAfter(scanned.key());
            this.scanned.inc();
        }
    }
}
