package io.shardline.connector.sql;

import io.shardline.connector.source.ChangeRecord;
import java.util.function.BiFunction;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

/** The metadata columns a SQL source table can declare ({@code METADATA FROM '<key>' VIRTUAL}). */
enum ChangeMetadata {
    EVENT_NAME("event_name", DataTypes.STRING().notNull(), (r, table) -> StringData.fromString(r.eventName())),
    SEQUENCE_NUMBER("sequence_number", DataTypes.STRING(), (r, table) -> StringData.fromString(r.sequenceNumber())),
    APPROXIMATE_CREATION_TIME(
            "approximate_creation_time",
            DataTypes.TIMESTAMP_LTZ(3).notNull(),
            (r, table) -> TimestampData.fromEpochMillis(r.approximateCreationTimeMillis())),
    SHARD_ID("shard_id", DataTypes.STRING(), (r, table) -> StringData.fromString(r.shardId())),
    TABLE_NAME("table_name", DataTypes.STRING(), (r, table) -> StringData.fromString(table)),
    IS_TTL_DELETE("is_ttl_delete", DataTypes.BOOLEAN().notNull(), (r, table) -> r.deletedByTtl());

    final String key;
    final DataType type;
    private final BiFunction<ChangeRecord, String, Object> value;

    ChangeMetadata(String key, DataType type, BiFunction<ChangeRecord, String, Object> value) {
        this.key = key;
        this.type = type;
        this.value = value;
    }

    /** This column's value for {@code record}, read from {@code table}'s stream. */
    Object of(ChangeRecord record, String table) {
        return value.apply(record, table);
    }

    static ChangeMetadata byKey(String key) {
        for (ChangeMetadata metadata : values()) {
            if (metadata.key.equals(key)) {
                return metadata;
            }
        }
        throw new IllegalArgumentException("No metadata column " + key);
    }
}
