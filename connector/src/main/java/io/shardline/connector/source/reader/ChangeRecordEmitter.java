package io.shardline.connector.source.reader;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.split.ShardSplitState;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/** Emits each change record, mapped, with its approximate creation time as event time; remembers its position. */
@Internal
public final class ChangeRecordEmitter<T> implements RecordEmitter<ChangeRecord, T, ShardSplitState> {
    private final ChangeRecordDeserializationSchema<T> schema;

    public ChangeRecordEmitter(ChangeRecordDeserializationSchema<T> schema) {
        this.schema = schema;
    }

    @Override
    public void emitRecord(ChangeRecord record, SourceOutput<T> output, ShardSplitState state) {
        output.collect(schema.deserialize(record), record.approximateCreationTimeMillis());
        state.emitted(record.sequenceNumber());
    }
}
