package io.shardline.jobs.replication;

import io.shardline.connector.codec.AttributeValueBinary;
import io.shardline.connector.sink.TableWrite;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.versions.ItemChangeMapping;
import io.shardline.jobs.versions.KeyedChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns stream records and scanned items into the {@link KeyedChange}s the targets apply, keyed by
 * the item's key and carrying the selected item (or, for a removal, the key) in the connector's
 * binary attribute form. A record of an event type not replicated, or a TTL delete with
 * {@code --on-ttl-delete skip}, makes none. An item that leaves the selection (it no longer matches
 * the filter) is removed from the targets; with old images in the stream, changes of items the
 * targets never held make nothing.
 */
final class ReplicatedChanges implements ItemChangeMapping {
    private final List<String> keyAttributes;
    private final ItemSelection selection;
    private final Set<String> events;
    private final boolean replicateTtlDeletes;

    ReplicatedChanges(
            List<String> keyAttributes, ItemSelection selection, Set<String> events, boolean replicateTtlDeletes) {
        this.keyAttributes = List.copyOf(keyAttributes);
        this.selection = selection;
        this.events = Set.copyOf(events);
        this.replicateTtlDeletes = replicateTtlDeletes;
    }

    /** The change a stream record makes in the targets, or null when it makes none. */
    @Override
    public KeyedChange fromStream(ChangeRecord record) {
        if (!events.contains(record.eventName())) {
            return null;
        }
        long millis = record.approximateCreationTimeMillis();
        if ("REMOVE".equals(record.eventName())) {
            if (!replicateTtlDeletes && record.deletedByTtl()) {
                return null;
            }
            if (record.oldImage() != null && selection.select(record.oldImage()) == null) {
                return null;
            }
            return removal(record.keys(), millis);
        }
        Map<String, AttributeValue> selected = selection.select(record.newImage());
        if (selected != null) {
            return KeyedChange.changed(key(selected), encode(selected), millis);
        }
        if (record.oldImage() != null && selection.select(record.oldImage()) == null) {
            return null;
        }
        return removal(record.keys(), millis);
    }

    /** A scanned item as of the snapshot's stream position, or null when the targets do not hold it. */
    @Override
    public KeyedChange fromSnapshot(Map<String, AttributeValue> item, long handoffSeconds) {
        Map<String, AttributeValue> selected = selection.select(item);
        return selected == null ? null : KeyedChange.snapshot(key(selected), encode(selected), handoffSeconds);
    }

    /**
     * The write a versioned change makes in a target table. Snapshot items are snapshot puts (batched,
     * unconditional): the job's keyed versions drop those a stream change superseded, and the sink
     * keeps each key's writes in order.
     */
    static TableWrite toWrite(KeyedChange change) {
        Map<String, AttributeValue> attributes = decode(change.payload);
        if (change.snapshot) {
            return TableWrite.snapshotPut(attributes, change.version);
        }
        return (change.removed
                        ? TableWrite.delete(attributes, change.version)
                        : TableWrite.put(attributes, change.version))
                .changedAt(change.changeMillis);
    }

    private KeyedChange removal(Map<String, AttributeValue> keys, long millis) {
        Map<String, AttributeValue> key = keyOf(keys);
        return KeyedChange.removed(key(key), encode(key), millis);
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyAttributes) {
            key.put(name, item.get(name));
        }
        return key;
    }

    /** The item's key attributes in key-schema order, encoded: equal for equal keys, one char per byte. */
    private String key(Map<String, AttributeValue> item) {
        return new String(encode(keyOf(item)), StandardCharsets.ISO_8859_1);
    }

    private static byte[] encode(Map<String, AttributeValue> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            AttributeValueBinary.writeMap(attributes, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, AttributeValue> decode(byte[] payload) {
        try {
            return AttributeValueBinary.readMap(new DataInputStream(new ByteArrayInputStream(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
