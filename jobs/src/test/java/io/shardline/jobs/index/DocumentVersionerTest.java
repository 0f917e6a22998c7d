package io.shardline.jobs.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.sink.opensearch.DocumentWrite;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DocumentVersionerTest {
    private static final long SECOND = 1_764_000_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, ItemChange, DocumentWrite> harness()
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, ItemChange, DocumentWrite> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                        new DocumentVersioner(Duration.ofHours(25))), change -> change.id, Types.STRING);
        harness.open();
        return harness;
    }

    private static List<DocumentWrite> writes(KeyedOneInputStreamOperatorTestHarness<String, ItemChange,
            DocumentWrite> harness) {
        return harness.extractOutputValues();
    }

    @Test
    void versionsGrowWithEveryChangeOfAnItemAlsoWithinOneSecond() throws Exception {
        var harness = harness();
        harness.processElement(new ItemChange("a", "{\"v\":1}", SECOND, false), 0);
        harness.processElement(new ItemChange("a", "{\"v\":2}", SECOND, false), 0);
        harness.processElement(new ItemChange("a", null, SECOND, false), 0);
        harness.processElement(new ItemChange("a", "{\"v\":3}", SECOND + 1, false), 0);
        List<Long> versions = writes(harness).stream().map(DocumentWrite::version).toList();
        long base = SECOND << DocumentVersioner.COUNTER_BITS;
        assertThat(versions).containsExactly(base, base + 1, base + 2, (SECOND + 1) << DocumentVersioner.COUNTER_BITS);
        assertThat(writes(harness).get(2).isDelete()).isTrue();
    }

    @Test
    void aSnapshotItemAfterTheItemsStreamChangesIsDroppedSoADeleteStaysDeleted() throws Exception {
        var harness = harness();
        harness.processElement(new ItemChange("gone", null, SECOND + 5, false), 0);
        harness.processElement(new ItemChange("gone", "{\"old\":true}", SECOND, true), 0);
        harness.processElement(new ItemChange("kept", "{\"snap\":1}", SECOND, true), 0);
        harness.processElement(new ItemChange("kept", "{\"v\":2}", SECOND, false), 0);
        List<DocumentWrite> out = writes(harness);
        assertThat(out).extracting(DocumentWrite::id).containsExactly("gone", "kept", "kept");
        assertThat(out.get(0).isDelete()).isTrue();
        assertThat(out.get(2).version()).as("a stream change in the handoff second still goes above the snapshot")
                .isGreaterThan(out.get(1).version());
    }

    @Test
    void aRestoredVersionerGivesAReplayTheSameVersions() throws Exception {
        var harness = harness();
        harness.processElement(new ItemChange("a", "{\"v\":1}", SECOND, false), 0);
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        harness.processElement(new ItemChange("a", "{\"v\":2}", SECOND, false), 0);
        long original = writes(harness).get(1).version();
        harness.close();

        var restored = new KeyedOneInputStreamOperatorTestHarness<String, ItemChange, DocumentWrite>(
                new KeyedProcessOperator<>(new DocumentVersioner(Duration.ofHours(25))), change -> change.id,
                Types.STRING);
        restored.initializeState(checkpoint);
        restored.open();
        restored.processElement(new ItemChange("a", "{\"v\":2}", SECOND, false), 0);
        assertThat(writes(restored).get(0).version()).isEqualTo(original);
    }
}
