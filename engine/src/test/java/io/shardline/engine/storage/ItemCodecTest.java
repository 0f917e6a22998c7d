package io.shardline.engine.storage;

import static io.shardline.engine.testing.Items.b;
import static io.shardline.engine.testing.Items.item;
import static io.shardline.engine.testing.Items.n;
import static io.shardline.engine.testing.Items.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.Bytes;
import io.shardline.engine.model.DynamoNumber;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCodecTest {
    private static Map<String, AttributeValue> everyType() {
        return item(
                "s", s("x".repeat(70_000) + "é\u0000\uD83D\uDE00"),
                "n", n("-1.2345678901234567890123456789012345678E-100"),
                "b", b((byte) 0, (byte) 255),
                "bool", new AttributeValue.BOOL(false),
                "null", new AttributeValue.NULL(),
                "m", new AttributeValue.M(item("inner", new AttributeValue.L(List.of(s(""), n(0),
                        new AttributeValue.M(Map.of()))))),
                "l", new AttributeValue.L(List.of()),
                "ss", AttributeValue.SS.of(List.of("a", "b")),
                "ns", AttributeValue.NS.of(List.of(DynamoNumber.of(1), DynamoNumber.parse("2.5"))),
                "bs", AttributeValue.BS.of(List.of(Bytes.copyOf(new byte[] {1}), Bytes.copyOf(new byte[0]))));
    }

    @Test
    void everyAttributeTypeRoundTripsUnchanged() {
        Map<String, AttributeValue> item = everyType();
        byte[] stored = ItemCodec.encode(item);
        assertThat(stored[0]).isEqualTo(ItemCodec.FORMAT_VERSION);
        assertThat(ItemCodec.decode(stored)).isEqualTo(item);
        assertThat(ItemCodec.decode(ItemCodec.encode(Map.of()))).isEmpty();
    }

    @Test
    void anotherFormatVersionOrDamagedBytesAreRefusedSayingWhy() {
        byte[] stored = ItemCodec.encode(item("a", s("x")));
        stored[0] = 7;
        assertThatThrownBy(() -> ItemCodec.decode(stored)).isInstanceOf(StoreException.class)
                .hasMessageContaining("format version 7").hasMessageContaining("reads version 1");
        byte[] tagged = ItemCodec.encode(item("a", s("x")));
        tagged[1 + 1 + 1 + 1] = 'Z';
        assertThatThrownBy(() -> ItemCodec.decode(tagged)).hasMessageContaining("unknown type tag");
        byte[] longer = java.util.Arrays.copyOf(ItemCodec.encode(item("a", s("x"))), 20);
        assertThatThrownBy(() -> ItemCodec.decode(longer)).hasMessageContaining("bytes after its end");
    }
}
