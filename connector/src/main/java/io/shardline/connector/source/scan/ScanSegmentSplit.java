package io.shardline.connector.source.scan;

import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One segment of a parallel Scan of a table, and how far it got: the key of the last item passed
 * on (null before the first), from which the Scan goes on after a restore.
 */
@Internal
public record ScanSegmentSplit(String table, int segment, int totalSegments, Map<String, AttributeValue> after)
        implements SourceSplit {
    @Override
    public String splitId() {
        return table + "/" + segment + "-of-" + totalSegments;
    }

    ScanSegmentSplit resumingAfter(Map<String, AttributeValue> key) {
        return new ScanSegmentSplit(table, segment, totalSegments, key);
    }
}
