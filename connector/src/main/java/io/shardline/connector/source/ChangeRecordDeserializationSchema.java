package io.shardline.connector.source;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/** Maps each change record to the type the job wants. */
@PublicEvolving
public interface ChangeRecordDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    T deserialize(ChangeRecord record);

    /** A mapping by function, with the produced type given. */
    static <T> ChangeRecordDeserializationSchema<T> of(SerializableFunction<ChangeRecord, T> mapping,
                                                        TypeInformation<T> type) {
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

    /** The change records themselves (carried between operators by Flink's generic serializer). */
    static ChangeRecordDeserializationSchema<ChangeRecord> changeRecords() {
        return of(record -> record, TypeInformation.of(ChangeRecord.class));
    }

    /** Each change record rendered as DynamoDB Streams JSON (a string). */
    static ChangeRecordDeserializationSchema<String> dynamoDbJson() {
        return of(ChangeRecordJson::render, TypeInformation.of(String.class));
    }

    /** A function Flink can ship to its task managers. */
    interface SerializableFunction<A, B> extends Serializable {
        B apply(A value);
    }
}
