package io.shardline.connector.source.scan;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An item a Scan returned, with its key: where the segment goes on after it. */
record ScannedItem(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {}
