package io.shardline.connector.sql;

import io.shardline.connector.codec.DynamoDbJson;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's change records as the rows of a Flink changelog. With both images: INSERT is +I of the
 * new image, MODIFY is -U of the old and +U of the new, REMOVE is -D of the old. As an upsert
 * changelog (new images only, with a primary key): INSERT and MODIFY are +I and +U of the new image,
 * REMOVE is -D holding the key. Metadata columns follow the physical ones.
 */
final class ChangelogRows implements ChangeRecordDeserializationSchema<RowData> {
    private final ItemRowMapping mapping;
    private final boolean upsert;
    private final boolean ignoreParseErrors;
    private final List<ChangeMetadata> metadata;
    private final TypeInformation<RowData> type;

    /**
     * @param upsert   whether the stream carries new images only (an upsert changelog) rather than both
     * @param metadata the metadata columns, in the order they follow the physical ones
     */
    ChangelogRows(
            ItemRowMapping mapping,
            boolean upsert,
            boolean ignoreParseErrors,
            List<ChangeMetadata> metadata,
            TypeInformation<RowData> type) {
        this.mapping = mapping;
        this.upsert = upsert;
        this.ignoreParseErrors = ignoreParseErrors;
        this.metadata = List.copyOf(metadata);
        this.type = type;
    }

    @Override
    public RowData deserialize(ChangeRecord record) {
        throw new UnsupportedOperationException("A change record becomes zero to two rows: use the collector form");
    }

    @Override
    public void deserialize(ChangeRecord record, String table, Collector<RowData> out) {
        switch (record.eventName()) {
            case "INSERT" -> out.collect(row(record.newImage(), RowKind.INSERT, record, table));
            case "MODIFY" -> {
                if (!upsert) {
                    out.collect(row(record.oldImage(), RowKind.UPDATE_BEFORE, record, table));
                }
                out.collect(row(record.newImage(), RowKind.UPDATE_AFTER, record, table));
            }
            case "REMOVE" ->
                out.collect(row(upsert ? record.keys() : record.oldImage(), RowKind.DELETE, record, table));
            default -> throw new IllegalArgumentException("Unknown event " + record.eventName() + " in " + record);
        }
    }

    private RowData row(Map<String, AttributeValue> item, RowKind kind, ChangeRecord record, String table) {
        if (item == null) {
            throw new IllegalStateException("The " + record.eventName() + " record " + record.sequenceNumber()
                    + " of table " + table + " carries no image for the changelog (stream view type "
                    + record.viewType() + ")");
        }
        Object[] fields;
        try {
            fields = mapping.fields(item, ignoreParseErrors);
        } catch (ItemRowMapping.MismatchException e) {
            throw new IllegalArgumentException(
                    "Item " + DynamoDbJson.item(record.keys()) + " of table " + table + ": " + e.getMessage()
                            + " ('ignore-parse-errors' = 'true' reads it as NULL)",
                    e);
        }
        GenericRowData row = new GenericRowData(kind, fields.length + metadata.size());
        for (int i = 0; i < fields.length; i++) {
            row.setField(i, fields[i]);
        }
        for (int i = 0; i < metadata.size(); i++) {
            row.setField(fields.length + i, metadata.get(i).of(record, table));
        }
        return row;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return type;
    }
}
