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
        assertThat(documents.id(Map.of(
                        "n",
                        AttributeValue.fromN("-12.5"),
                        "b",
                        AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})))))
                .isEqualTo("-12.5|AAH/");
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
        ObjectMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        JsonNode document = json.readTree(source);
        assertThat(document.get("big").bigIntegerValue().toString())
                .isEqualTo("12345678901234567890123456789012345678");
        assertThat(document.get("tiny").decimalValue().toPlainString())
                .isEqualTo("-0.000000000000000000000000000000000001");
        assertThat(source).contains("\"big\":12345678901234567890123456789012345678");
        assertThat(document.get("@shardline").get("event").asText()).isEqualTo("INSERT");
        assertThat(document.get("@shardline").get("change_time").asLong()).isEqualTo(5L);
        assertThat(document.size()).isEqualTo(item.size() + 1);
    }

    @Test
    void theTypedCopyHoldsEachValueUnderItsTypeWithNamesOpenSearchTakes() throws Exception {
        ItemDocuments typed =
                new ItemDocuments(List.of("pk"), "@shardline").withTypedField("@dynamodb", List.of("secret"));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("p1"));
        item.put("price", AttributeValue.fromN("12.50"));
        item.put("user.email", AttributeValue.fromS("a@example.com"));
        item.put("user_email", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))));
        item.put(" ", AttributeValue.fromNul(true));
        item.put("secret", AttributeValue.fromS("kept, not searched"));
        JsonNode source = new ObjectMapper().readTree(typed.source(item, Map.of("event", "INSERT")));
        assertThat(source.path("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(source.path("user.email").asText()).isEqualTo("a@example.com");
        JsonNode copy = source.path("@dynamodb");
        assertThat(copy.path("price").path("N").asText())
                .as("DynamoDB's own form of the number")
                .isEqualTo("12.5");
        assertThat(copy.path("user_email").path("S").get(0).asText())
                .as("user.email and user_email share one typed name, their values side by side")
                .isEqualTo("a@example.com");
        assertThat(copy.path("user_email")
                        .path("M")
                        .get(0)
                        .path("k")
                        .path("BOOL")
                        .asBoolean())
                .isTrue();
        assertThat(copy.path("_").path("NULL").asBoolean()).isTrue();
        assertThat(copy.has("secret")).isFalse();
        assertThat(source.path("secret").asText()).isEqualTo("kept, not searched");
        assertThat(source.path("@shardline").path("event").asText()).isEqualTo("INSERT");
        assertThat(ItemDocuments.typedName("a.b.c")).isEqualTo("a_b_c");
        assertThat(ItemDocuments.typedName("")).isEqualTo("_");
    }
}
