package io.shardline.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every setting of the sink builder is checked at build time, naming the setting and the value. */
class ShardlineTableSinkBuilderTest {
    private static ShardlineTableSinkBuilder<String> valid() {
        return ShardlineTableSink.<String>builder()
                .tableName("Results")
                .endpoint("http://127.0.0.1:8000")
                .credentials("key", "secret")
                .writes(s -> TableWrite.put(Map.of("id", AttributeValue.fromS(s)), 1));
    }

    @Test
    void optionsReachTheSink() {
        ShardlineTableSink<String> sink = valid().option(ShardlineTableSinkOptions.BATCH_SIZE, 10)
                .option(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS, 2)
                .option(ShardlineTableSinkOptions.MAX_BUFFERED_REQUESTS, 100)
                .option(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER, Duration.ofMillis(50))
                .build();
        assertThat(sink.tableName()).isEqualTo("Results");
        assertThat(sink.versionAttribute()).isEqualTo("shardline:version");
        assertThat(sink.clientSettings().endpoint()).isEqualTo("http://127.0.0.1:8000");
    }

    @Test
    void requiredSettingsAndClientSettingsAreChecked() {
        assertThatThrownBy(() -> valid().tableName(null).build()).hasMessageContaining("tableName");
        assertThatThrownBy(() ->
                        ShardlineTableSink.<String>builder().tableName("T").build())
                .hasMessageContaining("writes(mapping)");
        assertThatThrownBy(() -> valid().versionAttribute(" ").build()).hasMessageContaining("versionAttribute");
        assertThatThrownBy(() -> valid().endpoint("localhost:8000").build()).hasMessageContaining("'localhost:8000'");
        assertThatThrownBy(() -> valid().region(null).build()).hasMessageContaining("region");
    }

    @Test
    void optionsAreCheckedNamingTheOptionAndTheValue() {
        assertThatThrownBy(() ->
                        valid().option(ShardlineTableSinkOptions.BATCH_SIZE, 26).build())
                .hasMessageContaining(ShardlineTableSinkOptions.BATCH_SIZE.key())
                .hasMessageContaining("not 26");
        assertThatThrownBy(() -> valid().option(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS, 0)
                        .build())
                .hasMessageContaining(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS.key());
        assertThatThrownBy(() -> valid().option(ShardlineTableSinkOptions.MAX_BUFFERED_REQUESTS, 5)
                        .build())
                .hasMessageContaining(ShardlineTableSinkOptions.MAX_BUFFERED_REQUESTS.key())
                .hasMessageContaining("not 5");
        assertThatThrownBy(() -> valid().option(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER, Duration.ZERO)
                        .build())
                .hasMessageContaining(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER.key());
        assertThatThrownBy(() -> valid().option(ShardlineTableSinkOptions.RETRY_MAX_DELAY, Duration.ofMillis(1))
                        .build())
                .hasMessageContaining("max PT0.001S");
    }
}
