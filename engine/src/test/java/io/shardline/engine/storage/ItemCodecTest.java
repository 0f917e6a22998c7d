package io.shardline.engine.storage;

import static io.shardline.items.testing.ItemValues.b;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shardline.engine.api.DynamoJson;
import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import io.shardline.items.DynamoNumber;
import io.shardline.items.json.DynamoDbJson;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class ItemCodecTest {
    /** An item of every attribute type, with strings that need escaping in JSON and long text. */
    public static Map<String, AttributeValue> everyType() {
        return item(
                "s", s("x".repeat(70_000) + "é\u0000\uD83D\uDE00"),
                "n", n("-1.2345678901234567890123456789012345678E-100"),
                "b", b((byte) 0, (byte) 255),
                "bool", new AttributeValue.BOOL(false),
                "null", new AttributeValue.NULL(),
                "m",
                        new AttributeValue.M(item(
                                "inner", new AttributeValue.L(List.of(s(""), n(0), new AttributeValue.M(Map.of()))))),
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
    void storedItemsAreWrittenAsTheJsonOfTheDecodedItem() throws Exception {
        Map<String, AttributeValue> item = new LinkedHashMap<>(everyType());
        item.put("name \"quoted\" \\ \u0007 \u00e9", s("\t\n\u2028</script>"));
        item.put("b", b(new SecureRandom().generateSeed(1000)));
        byte[] stored = ItemCodec.encode(item);
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator out = DynamoJson.mapper().getFactory().createGenerator(json)) {
            StoredItemJson.writeItem(in, out);
        }
        assertThat(in.hasRemaining()).isFalse();
        assertThat(json.toString(StandardCharsets.UTF_8))
                .isEqualTo(new String(DynamoJson.write(ItemCodec.decode(stored)), StandardCharsets.UTF_8));
        assertThat(DynamoDbJson.readItem(json.toByteArray())).isEqualTo(item);
    }

    @Test
    void anotherFormatVersionOrDamagedBytesAreRefusedSayingWhy() {
        byte[] stored = ItemCodec.encode(item("a", s("x")));
        stored[0] = 7;
        assertThatThrownBy(() -> ItemCodec.decode(stored))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("format version 7")
                .hasMessageContaining("reads version 1");
        byte[] tagged = ItemCodec.encode(item("a", s("x")));
        tagged[1 + 1 + 1 + 1] = 'Z';
        assertThatThrownBy(() -> ItemCodec.decode(tagged)).hasMessageContaining("unknown type tag");
        byte[] longer = Arrays.copyOf(ItemCodec.encode(item("a", s("x"))), 20);
        assertThatThrownBy(() -> ItemCodec.decode(longer)).hasMessageContaining("bytes after its end");
    }
}
