package io.shardline.jobs.docs;

// example: replication-transform
import io.shardline.jobs.selection.ReplicationTransform;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Replicates every item with its e-mail address masked. */
public final class MaskEmails implements ReplicationTransform {
    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.computeIfPresent("email", (name, email) -> AttributeValue.fromS("***"));
        return copy;
    }
}
// end example
