package io.shardline.connector.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.items.DynamoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SdkItemsTest {
    @Test
    void everyAttributeTypeConvertsToTheItemModelAndBack() {
        Map<String, AttributeValue> item = AllAttributeTypes.item();
        Map<String, io.shardline.items.AttributeValue> converted = SdkItems.toItem(item);
        assertThat(converted).hasSize(10);
        assertThat(SdkItems.view(item)).isEqualTo(converted);
        assertThat(SdkItems.toItem(SdkItems.toSdk(converted))).isEqualTo(converted);
    }

    @Test
    void aViewConvertsOnlyTheAttributesThatAreRead() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("a"));
        item.put("broken", AttributeValue.fromSs(List.of("x", "x")));
        Map<String, io.shardline.items.AttributeValue> view = SdkItems.view(item);
        assertThat(view.get("id")).isEqualTo(new io.shardline.items.AttributeValue.S("a"));
        assertThat(view.get("absent")).isNull();
        assertThat(view).containsKey("broken").hasSize(2);
        assertThatThrownBy(() -> view.get("broken"))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining("duplicates");
    }
}
