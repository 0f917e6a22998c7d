package io.shardline.connector.source.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.codec.AllAttributeTypes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ScanSegmentSplitSerializerTest {
    @Test
    void segmentsRoundTripWithTheKeyTheyGotTo() throws IOException {
        ScanSegmentSplit fresh = new ScanSegmentSplit("Orders", 3, 16, null);
        ScanSegmentSplit resumed = new ScanSegmentSplit(
                "Orders",
                4,
                16,
                Map.of(
                        "pk",
                        AttributeValue.fromS("k"),
                        "sk",
                        AttributeValue.fromN("12345678901234567890123456789012345678")));
        ScanSegmentSplit everyType = new ScanSegmentSplit("T", 0, 1, AllAttributeTypes.item());
        for (ScanSegmentSplit split : List.of(fresh, resumed, everyType)) {
            byte[] bytes = ScanSegmentSplitSerializer.SPLIT.serialize(split);
            assertThat(ScanSegmentSplitSerializer.SPLIT.deserialize(1, bytes)).isEqualTo(split);
        }
        List<ScanSegmentSplit> remaining = List.of(fresh, resumed);
        assertThat(ScanSegmentSplitSerializer.SPLITS.deserialize(
                        1, ScanSegmentSplitSerializer.SPLITS.serialize(remaining)))
                .isEqualTo(remaining);
        assertThat(fresh.splitId()).isEqualTo("Orders/3-of-16");
    }

    @Test
    void unknownVersionsAreRefused() {
        assertThatThrownBy(() -> ScanSegmentSplitSerializer.SPLIT.deserialize(2, new byte[0]))
                .hasMessageContaining("version 2");
    }
}
