package io.shardline.connector.source.scan;

import io.shardline.connector.client.DynamoClientSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A bounded Flink source of every item of a table, read by a parallel Scan: each Scan segment is a
 * split, handed to readers as they ask, and a checkpoint keeps the key each segment got to, so a
 * restored job goes on from there. Items changed while the Scan runs may be read before or after
 * their change; pair it with the table's stream from a position taken before the Scan began for a
 * complete copy. Reader metric {@code shardline.itemsScanned}. Build it with {@link #builder()}.
 */
@PublicEvolving
public final class TableScanSource<T>
        implements Source<T, ScanSegmentSplit, List<ScanSegmentSplit>>, ResultTypeQueryable<T> {

    /** Maps each scanned item to the type the job wants. */
    @FunctionalInterface
    public interface ItemMapping<T> extends Serializable {
        /** The element for {@code item}, or null to leave the item out. */
        T map(Map<String, AttributeValue> item);
    }

    private final DynamoClientSettings client;
    private final String table;
    private final int segments;
    private final int pageSize;
    private final boolean consistentRead;
    private final ItemMapping<T> mapping;
    private final TypeInformation<T> type;

    TableScanSource(
            DynamoClientSettings client,
            String table,
            int segments,
            int pageSize,
            boolean consistentRead,
            ItemMapping<T> mapping,
            TypeInformation<T> type) {
        this.client = client;
        this.table = table;
        this.segments = segments;
        this.pageSize = pageSize;
        this.consistentRead = consistentRead;
        this.mapping = mapping;
        this.type = type;
    }

    public static <T> TableScanSourceBuilder<T> builder() {
        return new TableScanSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T, ScanSegmentSplit> createReader(SourceReaderContext context) {
        return new TableScanReader<>(
                () -> new ScanSegmentReader(client.createTableClient(), pageSize, consistentRead), mapping, context);
    }

    @Override
    public SplitEnumerator<ScanSegmentSplit, List<ScanSegmentSplit>> createEnumerator(
            SplitEnumeratorContext<ScanSegmentSplit> context) {
        List<ScanSegmentSplit> all = new ArrayList<>(segments);
        for (int segment = 0; segment < segments; segment++) {
            all.add(new ScanSegmentSplit(table, segment, segments, null));
        }
        return new ScanSegmentEnumerator(context, all);
    }

    @Override
    public SplitEnumerator<ScanSegmentSplit, List<ScanSegmentSplit>> restoreEnumerator(
            SplitEnumeratorContext<ScanSegmentSplit> context, List<ScanSegmentSplit> remaining) {
        return new ScanSegmentEnumerator(context, remaining);
    }

    @Override
    public SimpleVersionedSerializer<ScanSegmentSplit> getSplitSerializer() {
        return ScanSegmentSplitSerializer.SPLIT;
    }

    @Override
    public SimpleVersionedSerializer<List<ScanSegmentSplit>> getEnumeratorCheckpointSerializer() {
        return ScanSegmentSplitSerializer.SPLITS;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
