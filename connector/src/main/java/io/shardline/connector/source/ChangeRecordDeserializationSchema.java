package io.shardline.connector.source;

import io.shardline.connector.codec.DynamoDbJson;
import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

/** Maps each change record to the type the job wants. */
@PublicEvolving
public interface ChangeRecordDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    T deserialize(ChangeRecord record);

    /**
     * Emits what {@code record}, read from a stream of {@code table}, becomes: by default the one
     * value {@link #deserialize(ChangeRecord)} makes; a schema may emit none or several (a MODIFY as
     * the row before and the row after, for a SQL changelog).
     */
    default void deserialize(ChangeRecord record, String table, Collector<T> out) {
        out.collect(deserialize(record));
    }

    /** A mapping by function, with the produced type given. */
    static <T> ChangeRecordDeserializationSchema<T> of(
            SerializableFunction<ChangeRecord, T> mapping, TypeInformation<T> type) {
        return new ChangeRecordDeserializationSchema<>() {
            @Override
            public T deserialize(ChangeRecord record) {
                return mapping.apply(record);
            }

            @Override
            public TypeInformation<T> getProducedType() {
                return type;
            }
        };
    }

    /** The change records themselves (carried between operators by {@link ChangeRecordSerializer}). */
    static ChangeRecordDeserializationSchema<ChangeRecord> changeRecords() {
        return of(record -> record, TypeInformation.of(ChangeRecord.class));
    }

    /**
     * Each change record as the JSON DynamoDB Streams sends (a string): every member, including
     * eventVersion, eventSource, awsRegion, SizeBytes and, for TTL deletes, userIdentity.
     */
    static ChangeRecordDeserializationSchema<String> dynamoDbJson() {
        return of(DynamoDbJson::changeRecord, TypeInformation.of(String.class));
    }

    /** A function Flink can ship to its task managers. */
    interface SerializableFunction<A, B> extends Serializable {
        B apply(A value);
    }
}
