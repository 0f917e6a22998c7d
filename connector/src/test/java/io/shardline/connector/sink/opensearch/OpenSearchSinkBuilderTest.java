package io.shardline.connector.sink.opensearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class OpenSearchSinkBuilderTest {
    private static OpenSearchSinkBuilder<DocumentWrite> valid() {
        return OpenSearchSink.<DocumentWrite>builder()
                .connection(OpenSearchConnection.to("http://127.0.0.1:9200"))
                .index("orders")
                .documents(write -> write);
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheSettingAndValue() {
        assertThatThrownBy(() -> OpenSearchSink.<DocumentWrite>builder()
                        .index("i")
                        .documents(w -> w)
                        .build())
                .hasMessageContaining("connection");
        assertThatThrownBy(() -> valid().index(" ").build()).hasMessageContaining("index");
        assertThatThrownBy(() -> valid().option(OpenSearchSinkOptions.BULK_MAX_ACTIONS, 0)
                        .build())
                .hasMessageContaining("shardline.opensearch.bulk.max-actions")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> valid().option(OpenSearchSinkOptions.BULK_MAX_BYTES, MemorySize.parse("10b"))
                        .build())
                .hasMessageContaining("shardline.opensearch.bulk.max-bytes");
        assertThatThrownBy(() -> valid().option(OpenSearchSinkOptions.MAX_BUFFERED_ACTIONS, 10)
                        .build())
                .hasMessageContaining("shardline.opensearch.max-buffered-actions");
        assertThatThrownBy(() -> valid().option(OpenSearchSinkOptions.RETRY_MAX_DELAY, Duration.ofMillis(1))
                        .build())
                .hasMessageContaining("shardline.opensearch.retry.max-delay");
    }

    @Test
    void connectionsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> OpenSearchConnection.to("localhost:9200")).hasMessageContaining("localhost:9200");
        assertThatThrownBy(() -> OpenSearchConnection.to("http://127.0.0.1")).hasMessageContaining("port");
        assertThatThrownBy(() -> new OpenSearchConnection(List.of(), null, null, null, null, false))
                .hasMessageContaining("At least one");
        assertThatThrownBy(() -> OpenSearchConnection.to("https://h:9200").withBasicAuth("user", null))
                .hasMessageContaining("both");
        assertThatThrownBy(
                        () -> new OpenSearchConnection(List.of("https://h:9200"), null, null, "/trust.p12", "x", true))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> OpenSearchConnection.to("https://h:9200")
                        .withTrustStore("/no/such/store", "x")
                        .createClient())
                .hasMessageContaining("/no/such/store");
    }

    @Test
    void documentWritesNeedAnIdAndAVersionOfAtLeastZero() {
        assertThatThrownBy(() -> DocumentWrite.index("a", -1, "{}")).hasMessageContaining("-1");
        assertThatThrownBy(() -> DocumentWrite.delete(null, 1)).hasMessageContaining("id");
    }
}
