package io.shardline.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.codec.AllAttributeTypes;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChangeRecordSerializerTest {
    private static ChangeRecord record(Map<String, AttributeValue> oldImage, ChangeRecord.Identity identity) {
        return new ChangeRecord(
                "event-1",
                "MODIFY",
                "1.1",
                "aws:dynamodb",
                "us-east-1",
                Map.of("id", AttributeValue.fromS("k")),
                oldImage,
                AllAttributeTypes.item(),
                "100000000000000000042",
                321L,
                1_764_000_000_000L,
                "NEW_AND_OLD_IMAGES",
                "shardId-1",
                identity);
    }

    private static ChangeRecord roundTrip(ChangeRecord record) throws IOException {
        TypeSerializer<ChangeRecord> serializer =
                TypeInformation.of(ChangeRecord.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(record, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void changeRecordsWithEveryAttributeTypeRoundTripThroughFlinksTypeSystem() throws IOException {
        assertThat(TypeInformation.of(ChangeRecord.class)).isInstanceOf(ChangeRecordTypeInfo.class);
        ChangeRecord full =
                record(AllAttributeTypes.item(), new ChangeRecord.Identity("dynamodb.amazonaws.com", "Service"));
        assertThat(roundTrip(full)).isEqualTo(full);
        ChangeRecord sparse = new ChangeRecord(
                null,
                "REMOVE",
                null,
                null,
                null,
                Map.of("id", AttributeValue.fromS("k")),
                null,
                null,
                "100000000000000000043",
                null,
                0,
                "KEYS_ONLY",
                "shardId-2",
                null);
        assertThat(roundTrip(sparse)).isEqualTo(sparse);
    }

    @Test
    void copiesOfImmutableRecordsAreTheRecordsThemselves() {
        ChangeRecord record = record(null, null);
        assertThat(ChangeRecordSerializer.INSTANCE.copy(record)).isSameAs(record);
        assertThat(ChangeRecordSerializer.INSTANCE.snapshotConfiguration().restoreSerializer())
                .isSameAs(ChangeRecordSerializer.INSTANCE);
    }
}
