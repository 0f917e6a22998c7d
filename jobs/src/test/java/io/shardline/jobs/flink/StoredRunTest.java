package io.shardline.jobs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredRunTest {
    @Test
    void differencesNameEachSettingWithBothValues() {
        StoredRun stored =
                new StoredRun(Map.of("--table", "Orders", "--target", "OrdersCopy", "--filter", ""), Map.of());
        assertThat(stored.differences(Map.of("--table", "Orders", "--target", "OrdersCopy", "--filter", "")))
                .isEmpty();
        assertThat(stored.differences(Map.of(
                        "--table", "Users", "--target", "OrdersCopy", "--filter", "#s = :a", "--events", "INSERT")))
                .containsExactly(
                        "--events was not given, now INSERT",
                        "--filter was not given, now #s = :a",
                        "--table was Orders, now Users");
    }
}
