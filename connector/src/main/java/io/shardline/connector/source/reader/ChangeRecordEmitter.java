package io.shardline.connector.source.reader;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.split.ShardSplitState;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.util.Collector;

/**
 * Emits each change record, mapped, with its approximate creation time as event time, and remembers
 * its position. A record created before its split's start time (AT_TIMESTAMP) is not emitted, but the
 * position moves past it all the same: a restored split then resumes after it, so records trimmed
 * meanwhile are found missing rather than passed over unseen.
 */
@Internal
public final class ChangeRecordEmitter<T> implements RecordEmitter<ChangeRecord, T, ShardSplitState> {
    private final ChangeRecordDeserializationSchema<T> schema;
    private final TimestampedOutput<T> out = new TimestampedOutput<>();

    public ChangeRecordEmitter(ChangeRecordDeserializationSchema<T> schema) {
        this.schema = schema;
    }

    @Override
    public void emitRecord(ChangeRecord record, SourceOutput<T> output, ShardSplitState state) {
        long created = record.approximateCreationTimeMillis();
        if (!state.passesOver(created)) {
            out.output = output;
            out.eventTime = created;
            schema.deserialize(record, state.tableName(), out);
        }
        state.emitted(record.sequenceNumber());
    }

    /** Passes what a record becomes to the source output with the record's event time; one per emitter, reused. */
    private static final class TimestampedOutput<T> implements Collector<T> {
        private SourceOutput<T> output;
        private long eventTime;

        @Override
        public void collect(T value) {
            output.collect(value, eventTime);
        }

        @Override
        public void close() {}
    }
}
