package io.shardline.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.connector.source.ChangeRecord;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyAttributeTypeIsWrittenAsDynamoDbJson() throws Exception {
        JsonNode item = json.readTree(DynamoDbJson.item(AllAttributeTypes.item()));
        Map<String, AttributeValue> expected = AllAttributeTypes.item();
        assertThat(item.at("/s/S").asText()).isEqualTo(expected.get("s").s());
        assertThat(new BigDecimal(item.at("/n/N").asText()))
                .as("the number, in the form DynamoDB itself answers with")
                .isEqualByComparingTo(expected.get("n").n());
        assertThat(Base64.getDecoder().decode(item.at("/b/B").asText()))
                .isEqualTo(AllAttributeTypes.BYTES.asByteArray());
        assertThat(item.at("/bool/BOOL").booleanValue()).isTrue();
        assertThat(item.at("/null/NULL").booleanValue()).isTrue();
        assertThat(item.at("/m/M/inner/L/0/S").asText()).isEqualTo("a");
        assertThat(item.at("/m/M/inner/L/1/N").asText()).isEqualTo("1");
        assertThat(item.at("/m/M/inner/L/2/M").isObject()).isTrue();
        assertThat(item.at("/l/L").isArray()).isTrue();
        assertThat(item.at("/ss/SS").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(item.at("/ns/NS").toString()).isEqualTo("[\"1\",\"2.5\"]");
        assertThat(item.at("/bs/BS/1").asText()).isEmpty();
        assertThat(item.size()).isEqualTo(10);
    }

    @Test
    void aTtlDeleteIsWrittenAsTheWholeStreamsRecord() throws Exception {
        ChangeRecord record = new ChangeRecord(
                "e1",
                "REMOVE",
                "1.1",
                "aws:dynamodb",
                "eu-west-1",
                Map.of("id", AttributeValue.fromS("k")),
                Map.of("id", AttributeValue.fromS("k")),
                null,
                "100000000000000000042",
                21L,
                1_764_000_000_999L,
                "NEW_AND_OLD_IMAGES",
                "shardId-1",
                new ChangeRecord.Identity("dynamodb.amazonaws.com", "Service"));
        JsonNode written = json.readTree(DynamoDbJson.changeRecord(record));
        assertThat(written.get("eventID").asText()).isEqualTo("e1");
        assertThat(written.get("eventName").asText()).isEqualTo("REMOVE");
        assertThat(written.get("eventVersion").asText()).isEqualTo("1.1");
        assertThat(written.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(written.get("awsRegion").asText()).isEqualTo("eu-west-1");
        assertThat(written.at("/dynamodb/ApproximateCreationDateTime").asLong()).isEqualTo(1_764_000_000L);
        assertThat(written.at("/dynamodb/Keys/id/S").asText()).isEqualTo("k");
        assertThat(written.at("/dynamodb/OldImage/id/S").asText()).isEqualTo("k");
        assertThat(written.at("/dynamodb").has("NewImage")).isFalse();
        assertThat(written.at("/dynamodb/SequenceNumber").asText()).isEqualTo("100000000000000000042");
        assertThat(written.at("/dynamodb/SizeBytes").asLong()).isEqualTo(21);
        assertThat(written.at("/dynamodb/StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(written.at("/userIdentity/PrincipalId").asText()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(written.at("/userIdentity/Type").asText()).isEqualTo("Service");
        assertThat(record.deletedByTtl()).isTrue();
    }
}
