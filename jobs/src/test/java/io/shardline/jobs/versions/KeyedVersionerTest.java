package io.shardline.jobs.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class KeyedVersionerTest {
    private static final long SECOND = 1_764_000_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, KeyedChange, KeyedChange> harness() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, KeyedChange, KeyedChange> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new KeyedVersioner(Duration.ofHours(25))),
                        change -> change.key,
                        Types.STRING);
        harness.open();
        return harness;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static List<KeyedChange> writes(
            KeyedOneInputStreamOperatorTestHarness<String, KeyedChange, KeyedChange> harness) {
        return harness.extractOutputValues();
    }

    @Test
    void versionsGrowWithEveryChangeOfAnItemAlsoWithinOneSecond() throws Exception {
        var harness = harness();
        harness.processElement(KeyedChange.changed("a", bytes("{\"v\":1}"), SECOND * 1000), 0);
        harness.processElement(KeyedChange.changed("a", bytes("{\"v\":2}"), SECOND * 1000), 0);
        harness.processElement(KeyedChange.removed("a", null, SECOND * 1000), 0);
        harness.processElement(KeyedChange.changed("a", bytes("{\"v\":3}"), (SECOND + 1) * 1000), 0);
        List<Long> versions =
                writes(harness).stream().map(change -> change.version).toList();
        long base = SECOND << KeyedVersioner.COUNTER_BITS;
        assertThat(versions).containsExactly(base, base + 1, base + 2, (SECOND + 1) << KeyedVersioner.COUNTER_BITS);
        assertThat(writes(harness).get(2).removed).isTrue();
    }

    @Test
    void aSnapshotItemAfterTheItemsStreamChangesIsDroppedSoADeleteStaysDeleted() throws Exception {
        var harness = harness();
        harness.processElement(KeyedChange.removed("gone", null, (SECOND + 5) * 1000), 0);
        harness.processElement(KeyedChange.snapshot("gone", bytes("{\"old\":true}"), SECOND), 0);
        harness.processElement(KeyedChange.snapshot("kept", bytes("{\"snap\":1}"), SECOND), 0);
        harness.processElement(KeyedChange.changed("kept", bytes("{\"v\":2}"), SECOND * 1000), 0);
        List<KeyedChange> out = writes(harness);
        assertThat(out).extracting(change -> change.key).containsExactly("gone", "kept", "kept");
        assertThat(out.get(0).removed).isTrue();
        assertThat(out.get(2).version)
                .as("a stream change in the handoff second still goes above the snapshot")
                .isGreaterThan(out.get(1).version);
    }

    @Test
    void changesAfterASnapshotItemGetTheSameVersionsWhetherTheItemCameFirstOrNot() throws Exception {
        var snapshotFirst = harness();
        snapshotFirst.processElement(KeyedChange.snapshot("k", bytes("{\"snap\":1}"), SECOND), 0);
        var streamFirst = harness();
        for (var harness : List.of(snapshotFirst, streamFirst)) {
            harness.processElement(KeyedChange.changed("k", bytes("{\"v\":1}"), SECOND * 1000), 0);
            harness.processElement(KeyedChange.removed("k", null, SECOND * 1000), 0);
        }
        streamFirst.processElement(KeyedChange.snapshot("k", bytes("{\"snap\":1}"), SECOND), 0);
        List<Long> afterSnapshot = writes(snapshotFirst).stream()
                .skip(1)
                .map(change -> change.version)
                .toList();
        assertThat(writes(streamFirst))
                .as("the snapshot item after the stream's changes is dropped")
                .hasSize(2);
        assertThat(writes(streamFirst).stream().map(change -> change.version).toList())
                .as("a job restarted before its first checkpoint writes the changes again with their versions")
                .isEqualTo(afterSnapshot);
        assertThat(writes(snapshotFirst).get(0).version).isEqualTo(KeyedVersioner.snapshotVersion(SECOND));
    }

    @Test
    void aRestoredVersionerGivesAReplayTheSameVersions() throws Exception {
        var harness = harness();
        harness.processElement(KeyedChange.changed("a", bytes("{\"v\":1}"), SECOND * 1000), 0);
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        harness.processElement(KeyedChange.changed("a", bytes("{\"v\":2}"), SECOND * 1000), 0);
        long original = writes(harness).get(1).version;
        harness.close();

        var restored = new KeyedOneInputStreamOperatorTestHarness<String, KeyedChange, KeyedChange>(
                new KeyedProcessOperator<>(new KeyedVersioner(Duration.ofHours(25))),
                change -> change.key,
                Types.STRING);
        restored.initializeState(checkpoint);
        restored.open();
        restored.processElement(KeyedChange.changed("a", bytes("{\"v\":2}"), SECOND * 1000), 0);
        assertThat(writes(restored).get(0).version).isEqualTo(original);
    }
}
