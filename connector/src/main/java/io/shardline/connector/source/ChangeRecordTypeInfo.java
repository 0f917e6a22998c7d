package io.shardline.connector.source;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for {@link ChangeRecord}: serialized by {@link ChangeRecordSerializer}. */
@Internal
public final class ChangeRecordTypeInfo extends TypeInformation<ChangeRecord> {
    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<ChangeRecord> getTypeClass() {
        return ChangeRecord.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<ChangeRecord> createSerializer(SerializerConfig config) {
        return ChangeRecordSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "ChangeRecord";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChangeRecordTypeInfo;
    }

    @Override
    public int hashCode() {
        return ChangeRecordTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof ChangeRecordTypeInfo;
    }

    /** Makes {@code TypeInformation.of(ChangeRecord.class)} find this type information. */
    public static final class Factory extends TypeInfoFactory<ChangeRecord> {
        @Override
        public TypeInformation<ChangeRecord> createTypeInfo(Type type, Map<String, TypeInformation<?>> parameters) {
            return new ChangeRecordTypeInfo();
        }
    }
}
