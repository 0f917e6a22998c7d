package io.shardline.jobs.replication;

import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.selection.ReplicationTransform;
import io.shardline.jobs.tables.TableFacts;
import io.shardline.jobs.versions.SnapshotHandoff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a run of the replication does, settled before anything is submitted: the targets (each
 * checked, and created when missing), which changes and what of each item they receive, and
 * whether the table is copied first, with the stream read from the table service's clock taken
 * before the Scan ({@link SnapshotHandoff}; a resumed run keeps its predecessor's). Targets that
 * existed before a snapshot are cleaned up after it ({@link io.shardline.jobs.versions.SnapshotCleanup}),
 * unless they keep what Time to Live deletes at the source ({@code --on-ttl-delete skip}).
 *
 * @param created the targets this run created
 */
record ReplicationPlan(
        TableFacts source,
        List<ReplicationTarget> targets,
        List<ReplicationTarget> created,
        ReplicatedChanges changes,
        SnapshotHandoff handoff) {
    private static final Set<String> EVENTS = Set.of("INSERT", "MODIFY", "REMOVE");

    static ReplicationPlan prepare(ReplicationOptions options, TableFacts source, RunState run) {
        source.requireNewImages("replicating it");
        for (String event : options.events) {
            if (!EVENTS.contains(event)) {
                throw new IllegalArgumentException("--events takes INSERT, MODIFY and REMOVE, not '" + event + "'");
            }
        }
        List<ReplicationTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String text : options.targets) {
            ReplicationTarget target = ReplicationTarget.parse(text, options.connection);
            if (target.isSource(options.table, options.connection)) {
                throw new IllegalArgumentException("--target " + text + " is the source table itself");
            }
            if (!names.add(target.name())) {
                throw new IllegalArgumentException("--target " + target.name() + " is named twice");
            }
            targets.add(target);
        }
        ItemSelection selection = new ItemSelection(
                source.keyAttributes(),
                options.filter,
                options.projection,
                options.expressionNames,
                options.expressionValues,
                ReplicationTransform.load(options.transform));
        List<ReplicationTarget> missing = new ArrayList<>();
        for (ReplicationTarget target : targets) {
            try (DynamoDbClient client = target.settings().createTableClient()) {
                if (!TargetTables.exists(source.description(), client, target)) {
                    missing.add(target);
                }
            }
        }
        for (ReplicationTarget target : missing) {
            try (DynamoDbClient client = target.settings().createTableClient()) {
                TargetTables.create(source.description(), client, target);
            }
        }
        ReplicatedChanges changes = new ReplicatedChanges(
                source.keyAttributes(),
                selection,
                Set.copyOf(options.events),
                options.onTtlDelete == ReplicationOptions.TtlDeletes.replicate);
        List<Integer> holdingData = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!missing.contains(targets.get(i)) && options.onTtlDelete == ReplicationOptions.TtlDeletes.replicate) {
                holdingData.add(i + 1);
            }
        }
        SnapshotHandoff handoff = SnapshotHandoff.of(run, options.copy.noSnapshot, source.serviceTime(), holdingData);
        return new ReplicationPlan(source, List.copyOf(targets), List.copyOf(missing), changes, handoff);
    }
}
