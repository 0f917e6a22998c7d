package io.shardline.jobs.versions;

import io.shardline.connector.source.ChangeRecord;
import java.io.Serializable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a job turns its table's stream records and scanned items into the changes its sink applies. */
public interface ItemChangeMapping extends Serializable {
    /** The change a stream record makes, or null when it makes none. */
    KeyedChange fromStream(ChangeRecord record);

    /** A scanned item as of the snapshot's stream position ({@code handoffSeconds}), or null to leave it out. */
    KeyedChange fromSnapshot(Map<String, AttributeValue> item, long handoffSeconds);
}
