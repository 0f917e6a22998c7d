package io.shardline.jobs.index;

import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.versions.KeyedVersioner;
import io.shardline.jobs.versions.SnapshotCleanup;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The documents of an index that an earlier run wrote and this run's snapshot did not write again:
 * those whose change time (in the metadata field) is before the handoff and whose version is below
 * the handoff's. They are deleted with an external version just below the handoff's, so a document
 * the job writes meanwhile, whose version is higher, is left alone.
 */
record StaleDocuments(SearchIndexAdmin admin, String index, String metadataField) implements SnapshotCleanup.Copy {
    @Override
    public String name() {
        return "index " + index;
    }

    @Override
    public void removeOlderThan(long version, AtomicLong removed) {
        long handoffMillis = KeyedVersioner.handoffSecondsOf(version) * 1000;
        admin.deleteOlderThan(index, metadataField + ".change_time", handoffMillis, version, removed);
    }
}
