package io.shardline.connector.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.sink.writer.Batch;
import org.apache.flink.connector.base.sink.writer.BatchCreator;
import org.apache.flink.connector.base.sink.writer.RequestBuffer;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.apache.flink.connector.base.sink.writer.strategy.RequestInfo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Takes writes from the front of the buffer, in order, up to the batch size, and ends the batch
 * before a second write of a key already in it: that write goes into a later batch, so a batch never
 * writes one key twice and a key's writes are sent in the order they came.
 */
final class OneWritePerKeyBatchCreator implements BatchCreator<TableWrite> {
    private final List<String> keyAttributes;

    OneWritePerKeyBatchCreator(List<String> keyAttributes) {
        this.keyAttributes = List.copyOf(keyAttributes);
    }

    @Override
    public Batch<TableWrite> createNextBatch(RequestInfo requestInfo, RequestBuffer<TableWrite> buffer) {
        List<TableWrite> writes = new ArrayList<>();
        Set<List<AttributeValue>> keys = new HashSet<>();
        long bytes = 0;
        while (!buffer.isEmpty() && writes.size() < requestInfo.getBatchSize()) {
            RequestEntryWrapper<TableWrite> next = buffer.peek();
            if (!keys.add(keyOf(next.getRequestEntry().attributes()))) {
                break;
            }
            buffer.poll();
            writes.add(next.getRequestEntry());
            bytes += next.getSize();
        }
        return new Batch<>(writes, bytes);
    }

    /** The key attributes, partition key first. */
    List<String> keyAttributes() {
        return keyAttributes;
    }

    List<AttributeValue> keyOf(Map<String, AttributeValue> attributes) {
        List<AttributeValue> key = new ArrayList<>(keyAttributes.size());
        for (String name : keyAttributes) {
            AttributeValue value = attributes.get(name);
            if (value == null) {
                throw new IllegalArgumentException("A table write lacks key attribute " + name + ": " + attributes);
            }
            key.add(value);
        }
        return key;
    }
}
