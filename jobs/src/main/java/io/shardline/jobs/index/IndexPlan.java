package io.shardline.jobs.index;

import io.shardline.jobs.flink.RunState;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.tables.TableFacts;
import io.shardline.jobs.versions.SnapshotHandoff;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where a run of the index job writes and where it starts: the concrete index it fills (made with
 * the item mapping when missing), the alias it moves there afterwards (with {@code --rebuild}),
 * and the snapshot's handoff ({@link SnapshotHandoff}), taken before the Scan begins. A resumed run
 * keeps what the run it resumes chose. An index that held documents before a snapshot is cleaned up
 * after it ({@link io.shardline.jobs.versions.SnapshotCleanup}), unless it keeps the documents of
 * items Time to Live deleted, which the table no longer holds either.
 *
 * @param aliasToMove the alias to point at {@code index} once the index has caught up, or null
 * @param typedField  the field of the item's typed copy, which the index searches; null for an index
 *                    made before typed copies, whose documents keep the plain item alone
 */
record IndexPlan(TableFacts table, String index, String aliasToMove, SnapshotHandoff handoff, String typedField) {
    private static final String INDEX = "index";
    private static final String ALIAS_MOVED = "alias-moved";
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    static IndexPlan prepare(
            IndexOptions options, TableFacts table, SearchIndexAdmin admin, Clock clock, RunState run) {
        table.requireNewImages("indexing it");
        if (options.rebuild && options.copy.noSnapshot) {
            throw new IllegalArgumentException(
                    "--rebuild fills a new index from a snapshot; it cannot be combined " + "with --no-snapshot");
        }
        String index = run.fact(INDEX)
                .orElse(options.rebuild ? options.index + "-" + SUFFIX.format(clock.instant()) : options.index);
        boolean existed = admin.exists(index);
        if (!existed) {
            admin.createForItems(index, options.metadataField, options.typedField);
        }
        String typedField = admin.searchesTypedField(index, options.typedField) ? options.typedField : null;
        boolean keepsTtlDeleted = options.onTtlDelete == IndexOptions.TtlDeletes.keep;
        SnapshotHandoff handoff = SnapshotHandoff.of(
                run,
                options.copy.noSnapshot,
                table.serviceTime(),
                existed && !keepsTtlDeleted ? List.of(1) : List.of());
        run.remember(INDEX, index);
        String alias = options.rebuild && run.fact(ALIAS_MOVED).isEmpty() ? options.index : null;
        return new IndexPlan(table, index, alias, handoff, typedField);
    }

    /** Writes down that the alias points at the new index, so a resumed run does not move it again. */
    static void aliasMoved(RunState run) {
        run.remember(ALIAS_MOVED, "true");
    }
}
