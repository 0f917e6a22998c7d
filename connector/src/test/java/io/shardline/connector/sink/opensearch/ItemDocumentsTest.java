package io.shardline.connector.sink.opensearch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shardline.connector.codec.AllAttributeTypes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemDocumentsTest {
    private final ItemDocuments composite = new ItemDocuments(List.of("pk", "sk"), "@shardline");

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    @Test
    void idsOfDifferentKeysDifferEvenWhereSeparatorsAndEscapesAppearInTheKeys() {
        List<String> parts = List.of("", "a", "|", "\\", "a|", "|a", "\\|", "|\\", "a\\", "\\a", "||", "\\\\");
        Set<String> ids = new HashSet<>();
        int keys = 0;
        for (String pk : parts) {
            for (String sk : parts) {
                ids.add(composite.id(key(pk, sk)));
                keys++;
            }
        }
        assertThat(ids).hasSize(keys);
        assertThat(composite.id(key("order|1", "line\\2"))).isEqualTo("order\\|1|line\\\\2");
    }

    @Test
    void idsOfNumberAndBinaryKeysAreTheirDigitsAndBase64() {
        ItemDocuments documents = new ItemDocuments(List.of("n", "b"), "@shardline");
        assertThat(documents.id(Map.of("n", AttributeValue.fromN("-12.5"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255}))))).isEqualTo("-12.5|AAH/");
    }

    @Test
    void idsLongerThanOpenSearchAllowsBecomeADigestThatNoEscapedKeyCanEqual() {
        String longKey = "x".repeat(2_000);
        String id = composite.id(key(longKey, "1"));
        assertThat(id).startsWith("\\#").hasSize(2 + 64);
        assertThat(id.getBytes(UTF_8).length).isLessThanOrEqualTo(ItemDocuments.MAX_ID_BYTES);
        assertThat(composite.id(key(longKey, "2"))).isNotEqualTo(id);
        assertThat(composite.id(key("\\#" + id.substring(2), ""))).isNotEqualTo(id);
        assertThatThrownBy(() -> composite.id(Map.of("pk", AttributeValue.fromS("only"))))
                .hasMessageContaining("sk");
    }

    @Test
    void sourceKeepsEveryAttributeExactlyAndTheMetadataUnderItsField() throws Exception {
        Map<String, AttributeValue> item = new LinkedHashMap<>(AllAttributeTypes.item());
        item.put("big", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("tiny", AttributeValue.fromN("-0.000000000000000000000000000000000001"));
        String source = composite.source(item, Map.of("event", "INSERT", "change_time", 5L));
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        JsonNode document = json.readTree(source);
        assertThat(document.get("big").bigIntegerValue().toString()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(document.get("tiny").decimalValue().toPlainString())
                .isEqualTo("-0.000000000000000000000000000000000001");
        assertThat(source).contains("\"big\":12345678901234567890123456789012345678");
        assertThat(document.get("@shardline").get("event").asText()).isEqualTo("INSERT");
        assertThat(document.get("@shardline").get("change_time").asLong()).isEqualTo(5L);
        assertThat(document.size()).isEqualTo(item.size() + 1);
    }
}
