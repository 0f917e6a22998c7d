package io.shardline.jobs.index;

import io.shardline.jobs.tables.TableFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run of the index job writes and where it starts: the concrete index it fills (made with
 * the item mapping when missing), the alias it moves there afterwards (with {@code --rebuild}),
 * and whether it copies the table first. The stream position is taken here, before the Scan begins:
 * the table service's clock to the second, from which the stream is read ({@code handoffSeconds}).
 *
 * @param aliasToMove the alias to point at {@code index} once the index has caught up, or null
 */
record IndexPlan(TableFacts table, String index, String aliasToMove, boolean snapshot, long handoffSeconds) {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    static IndexPlan prepare(IndexOptions options, TableFacts table, SearchIndexAdmin admin, Clock clock) {
        table.requireNewImages("indexing it");
        if (options.rebuild && options.copy.noSnapshot) {
            throw new IllegalArgumentException("--rebuild fills a new index from a snapshot; it cannot be combined "
                    + "with --no-snapshot");
        }
        String index = options.rebuild ? options.index + "-" + SUFFIX.format(clock.instant()) : options.index;
        if (!admin.exists(index)) {
            admin.createForItems(index, options.metadataField, options.unindexedAttributes);
        }
        return new IndexPlan(table, index, options.rebuild ? options.index : null, !options.copy.noSnapshot,
                table.serviceTime().getEpochSecond());
    }
}
