package io.shardline.jobs.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.sink.TableWrite;
import io.shardline.connector.source.ChangeRecord;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.selection.ReplicationTransform;
import io.shardline.jobs.versions.KeyedChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ReplicatedChangesTest {
    private static final List<String> KEYS = List.of("pk", "sk");
    private static final ChangeRecord.Identity TTL = new ChangeRecord.Identity("dynamodb.amazonaws.com", "Service");

    private static Map<String, AttributeValue> item(String status) {
        return Map.of(
                "pk",
                AttributeValue.fromS("a"),
                "sk",
                AttributeValue.fromN("1"),
                "status",
                AttributeValue.fromS(status),
                "email",
                AttributeValue.fromS("a@example.com"),
                "address",
                AttributeValue.fromM(
                        Map.of("city", AttributeValue.fromS("Lyon"), "zip", AttributeValue.fromN("69001"))));
    }

    private static ChangeRecord record(
            String event,
            Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage,
            ChangeRecord.Identity who) {
        Map<String, AttributeValue> keys = Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"));
        return new ChangeRecord(
                "id",
                event,
                "1.1",
                "aws:dynamodb",
                "us-east-1",
                keys,
                oldImage,
                newImage,
                "100000000000000000001",
                10L,
                1_764_000_000_123L,
                "NEW_AND_OLD_IMAGES",
                "shard",
                who);
    }

    private static ReplicatedChanges activeOnly(Set<String> events, boolean replicateTtlDeletes) {
        return new ReplicatedChanges(
                KEYS,
                new ItemSelection(
                        KEYS,
                        "#s = :a",
                        "email, address.city",
                        Map.of("#s", "status"),
                        "{\":a\": {\"S\": \"active\"}}",
                        null),
                events,
                replicateTtlDeletes);
    }

    private static final Set<String> ALL = Set.of("INSERT", "MODIFY", "REMOVE");

    @Test
    void aSelectedItemIsProjectedKeepingItsKeyAndItsChangeTime() {
        KeyedChange change = activeOnly(ALL, true).fromStream(record("INSERT", null, item("active"), null));
        TableWrite write = ReplicatedChanges.toWrite(change);
        assertThat(write.isDelete()).isFalse();
        assertThat(write.attributes()).containsOnlyKeys("pk", "sk", "email", "address");
        assertThat(write.attributes().get("address").m()).containsOnlyKeys("city");
        assertThat(write.changeTimeMillis()).isEqualTo(1_764_000_000_123L);
    }

    @Test
    void anItemLeavingTheFilterIsRemovedAndOneNeverSelectedMakesNothing() {
        ReplicatedChanges changes = activeOnly(ALL, true);
        KeyedChange left = changes.fromStream(record("MODIFY", item("active"), item("closed"), null));
        assertThat(left.removed).isTrue();
        assertThat(ReplicatedChanges.toWrite(left).attributes()).containsOnlyKeys("pk", "sk");
        assertThat(changes.fromStream(record("MODIFY", item("closed"), item("closed"), null)))
                .isNull();
        assertThat(changes.fromStream(record("REMOVE", item("closed"), null, null)))
                .isNull();
        assertThat(changes.fromStream(record("MODIFY", null, item("closed"), null)).removed)
                .as("without an old image the target may hold the item: it is removed")
                .isTrue();
    }

    @Test
    void eventTypesAndTtlDeletesAreReplicatedOnlyWhenAsked() {
        ChangeRecord ttlDelete = record("REMOVE", item("active"), null, TTL);
        assertThat(activeOnly(ALL, false).fromStream(ttlDelete)).isNull();
        assertThat(activeOnly(ALL, true).fromStream(ttlDelete).removed).isTrue();
        assertThat(activeOnly(ALL, false).fromStream(record("REMOVE", item("active"), null, null)).removed)
                .as("a user's delete is replicated whatever the TTL setting")
                .isTrue();
        assertThat(activeOnly(Set.of("INSERT", "MODIFY"), true)
                        .fromStream(record("REMOVE", item("active"), null, null)))
                .isNull();
        assertThat(activeOnly(Set.of("REMOVE"), true).fromStream(record("INSERT", null, item("active"), null)))
                .isNull();
    }

    @Test
    void aSnapshotItemIsASnapshotPutWithoutChangeTime() {
        KeyedChange snapshot = activeOnly(ALL, true).fromSnapshot(item("active"), 1_764_000_000L);
        assertThat(snapshot.snapshot).isTrue();
        assertThat(ReplicatedChanges.toWrite(snapshot).changeTimeMillis()).isZero();
        assertThat(ReplicatedChanges.toWrite(snapshot).kind()).isEqualTo(TableWrite.Kind.SNAPSHOT_PUT);
        assertThat(activeOnly(ALL, true).fromSnapshot(item("closed"), 1_764_000_000L))
                .isNull();
    }

    /** Masks e-mail addresses; changes the key when told to, which must fail. */
    public static final class Masking implements ReplicationTransform {
        @Override
        public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> masked = new HashMap<>(item);
            masked.put("email", AttributeValue.fromS("***"));
            if (item.get("status").s().equals("rekey")) {
                masked.put("sk", AttributeValue.fromN("2"));
            }
            return masked;
        }
    }

    @Test
    void aTransformRunsOnSelectedItemsAndMayNotChangeTheKey() {
        ItemSelection selection =
                new ItemSelection(KEYS, null, null, null, null, ReplicationTransform.load(Masking.class.getName()));
        assertThat(selection.select(item("active")).get("email").s()).isEqualTo("***");
        assertThatThrownBy(() -> selection.select(item("rekey")))
                .hasMessageContaining(Masking.class.getName())
                .hasMessageContaining("changed key attribute sk");
        assertThatThrownBy(() -> ReplicationTransform.load("no.such.Transform"))
                .hasMessageContaining("no.such.Transform");
        assertThatThrownBy(() -> ReplicationTransform.load(String.class.getName()))
                .hasMessageContaining("does not implement");
    }

    @Test
    void badExpressionsAreRefusedNamingThem() {
        assertThatThrownBy(() -> new ItemSelection(KEYS, "status = = 1", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status = = 1");
        assertThatThrownBy(() -> new ItemSelection(KEYS, "#s = :a", null, Map.of("#s", "status"), "{not json", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DynamoDB JSON");
        assertThatThrownBy(() -> new ItemSelection(
                        KEYS, "a = :a", null, null, "{\":a\": {\"S\": \"x\"}, " + "\":unused\": {\"S\": \"y\"}}", null))
                .hasMessageContaining(":unused");
    }
}
