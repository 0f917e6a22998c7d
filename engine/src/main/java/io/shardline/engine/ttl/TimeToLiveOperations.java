package io.shardline.engine.ttl;

import io.shardline.engine.api.DescribeTimeToLive;
import io.shardline.engine.api.TimeToLiveSpecification;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableDefinition;
import io.shardline.items.DynamoException;

/** UpdateTimeToLive and DescribeTimeToLive. */
public final class TimeToLiveOperations {
    private final Store store;
    private final TableCatalog catalog;

    public TimeToLiveOperations(Store store, TableCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public UpdateTimeToLive.Response updateTimeToLive(UpdateTimeToLive.Request request) {
        Table table = catalog.require(request.tableName());
        TimeToLiveSpecification spec = request.timeToLiveSpecification();
        if (spec == null
                || spec.enabled() == null
                || spec.attributeName() == null
                || spec.attributeName().isEmpty()) {
            throw DynamoException.validation("1 validation error detected: TimeToLiveSpecification needs Enabled and "
                    + "a non-empty AttributeName, got " + spec);
        }
        table.whileNoWrites(() -> {
            TableDefinition current = table.definition();
            if (spec.enabled() && current.ttlAttribute() != null) {
                throw DynamoException.validation(
                        "TimeToLive is already enabled on attribute " + current.ttlAttribute());
            }
            if (!spec.enabled() && current.ttlAttribute() == null) {
                throw DynamoException.validation("TimeToLive is already disabled");
            }
            if (!spec.enabled() && !current.ttlAttribute().equals(spec.attributeName())) {
                throw DynamoException.validation("TimeToLive is enabled on attribute " + current.ttlAttribute()
                        + ", not " + spec.attributeName());
            }
            try (Batch batch = store.batch()) {
                catalog.redefine(table, current.withTtlAttribute(spec.enabled() ? spec.attributeName() : null), batch);
            }
            return null;
        });
        return new UpdateTimeToLive.Response(spec);
    }

    public DescribeTimeToLive.Response describeTimeToLive(DescribeTimeToLive.Request request) {
        String attribute = catalog.require(request.tableName()).definition().ttlAttribute();
        return new DescribeTimeToLive.Response(
                new DescribeTimeToLive.TimeToLiveDescription(attribute == null ? "DISABLED" : "ENABLED", attribute));
    }
}
