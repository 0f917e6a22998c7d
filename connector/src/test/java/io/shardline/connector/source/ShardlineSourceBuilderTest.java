package io.shardline.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

/** Every setting of the source builder is checked when given or at build time, naming the setting and value. */
class ShardlineSourceBuilderTest {
    private static ShardlineSourceBuilder<ChangeRecord> valid() {
        return ShardlineSource.<ChangeRecord>builder()
                .tableName("Orders")
                .endpoint("http://127.0.0.1:8000")
                .credentials("key", "secret")
                .deserializer(ChangeRecordDeserializationSchema.changeRecords());
    }

    @Test
    void aCompleteBuilderBuildsTheSourceItDescribes() {
        assertThat(valid().build().getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(valid().bounded().build().getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(valid().startingAtTimestamp(Instant.EPOCH).build()).isNotNull();
    }

    @Test
    void whatToReadIsRequiredOnceAndValid() {
        ShardlineSourceBuilder<ChangeRecord> nothing =
                ShardlineSource.<ChangeRecord>builder().deserializer(ChangeRecordDeserializationSchema.changeRecords());
        assertThatThrownBy(nothing::build).hasMessageContaining("streamArn, tableName(s) or tableNamePattern");
        assertThatThrownBy(() -> valid().streamArn("arn:x")).hasMessageContaining("Choose one of");
        assertThatThrownBy(() -> ShardlineSource.builder().tableName("ab")).hasMessageContaining("'ab'");
        assertThatThrownBy(() -> ShardlineSource.builder().tableNames(List.of()))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> ShardlineSource.builder().tableNamePattern("("))
                .hasMessageContaining("'('")
                .hasMessageContaining("tableNamePattern");
        assertThatThrownBy(() -> ShardlineSource.builder().streamArn(" ")).hasMessageContaining("streamArn");
        assertThatThrownBy(() -> ShardlineSource.<ChangeRecord>builder()
                        .tableName("Orders")
                        .build())
                .hasMessageContaining("deserializer");
    }

    @Test
    void clientSettingsAreChecked() {
        assertThatThrownBy(() -> valid().endpoint("not a uri").build()).hasMessageContaining("'not a uri'");
        assertThatThrownBy(() -> valid().endpoint("ftp://host").build())
                .hasMessageContaining("'ftp://host'")
                .hasMessageContaining("http");
        assertThatThrownBy(() -> valid().region("").build())
                .hasMessageContaining("region")
                .hasMessageContaining("''");
        assertThatThrownBy(() -> valid().credentials("", "s")).hasMessageContaining("access key");
    }

    @Test
    void optionsAreCheckedNamingTheOptionAndTheValue() {
        assertThatThrownBy(() -> valid().option(ShardlineSourceOptions.RECORDS_PER_GET, 0)
                        .build())
                .hasMessageContaining(ShardlineSourceOptions.RECORDS_PER_GET.key())
                .hasMessageContaining("not 0");
        assertThatThrownBy(() -> valid().option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ZERO)
                        .build())
                .hasMessageContaining(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL.key())
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> valid().option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(-1))
                        .build())
                .hasMessageContaining(ShardlineSourceOptions.IDLE_POLL_INTERVAL.key());
        assertThatThrownBy(() -> valid().option(ShardlineSourceOptions.RETRY_MAX_ATTEMPTS, 0)
                        .build())
                .hasMessageContaining(ShardlineSourceOptions.RETRY_MAX_ATTEMPTS.key());
        assertThatThrownBy(() -> valid().option(ShardlineSourceOptions.RETRY_BASE_DELAY, Duration.ofSeconds(20))
                        .build())
                .hasMessageContaining("base PT20S");
    }

    @Test
    void oneStartingPositionAtATime() {
        assertThatThrownBy(() -> valid().startingAtLatest()
                        .startingAtTimestamp(Instant.parse("2026-01-01T00:00:00Z"))
                        .build())
                .hasMessageContaining("LATEST")
                .hasMessageContaining("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> valid().startingAtTimestamp(Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessageContaining("1969-12-31T23:59:59Z");
        assertThatThrownBy(() -> valid().startingAtTimestamp(null)).hasMessageContaining("null");
    }
}
