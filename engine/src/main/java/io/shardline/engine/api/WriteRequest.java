package io.shardline.engine.api;

import io.shardline.items.AttributeValue;
import java.util.Map;

/** One entry of BatchWriteItem: exactly one of a put or a delete. */
public record WriteRequest(PutRequest putRequest, DeleteRequest deleteRequest) {

    public record PutRequest(@Required Map<String, AttributeValue> item) {}

    public record DeleteRequest(@Required Map<String, AttributeValue> key) {}

    public static WriteRequest put(Map<String, AttributeValue> item) {
        return new WriteRequest(new PutRequest(item), null);
    }

    public static WriteRequest delete(Map<String, AttributeValue> key) {
        return new WriteRequest(null, new DeleteRequest(key));
    }
}
