package io.shardline.engine.table;

import io.shardline.engine.api.ResourcePolicies;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.time.Clock;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on tables: the policy is kept with
 * its revision and given back as stored; a call naming another revision than the current one finds
 * no policy, as in DynamoDB. The engine does not evaluate policies (docs/engine.md).
 */
public final class ResourcePolicyOperations {
    private final Store store;
    private final TableCatalog catalog;
    private final TableOperations tables;
    private final Clock clock;

    public ResourcePolicyOperations(Store store, TableCatalog catalog, TableOperations tables, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.tables = tables;
        this.clock = clock;
    }

    public ResourcePolicies.Response put(ResourcePolicies.PutRequest request) {
        return new ResourcePolicies.Response(
                null, change(request.resourceArn(), request.expectedRevisionId(), request.policy()));
    }

    public ResourcePolicies.Response get(ResourcePolicies.GetRequest request) {
        Table table = tables.tableOfArn(request.resourceArn());
        TableSettings settings = table.definition().settings();
        if (settings.resourcePolicy() == null) {
            throw notFound(request.resourceArn());
        }
        return new ResourcePolicies.Response(settings.resourcePolicy(), settings.policyRevision());
    }

    public ResourcePolicies.Response delete(ResourcePolicies.DeleteRequest request) {
        return new ResourcePolicies.Response(null, change(request.resourceArn(), request.expectedRevisionId(), null));
    }

    /**
     * Puts a policy ({@code policy} null: deletes it) while no write changes the table's definition;
     * the new policy's revision, or the deleted one's.
     */
    private String change(String arn, String expectedRevision, String policy) {
        Table table = tables.tableOfArn(arn);
        return table.whileNoWrites(() -> {
            TableDefinition current = table.definition();
            String revision = current.settings().policyRevision();
            if (expectedRevision != null && !expectedRevision.equals(revision) || policy == null && revision == null) {
                throw notFound(arn);
            }
            long now = Math.max(clock.millis(), revision == null ? 0 : Long.parseLong(revision) + 1);
            TableSettings updated = current.settings().withPolicy(policy, now);
            try (Batch batch = store.batch()) {
                catalog.redefine(table, current.withSettings(updated), batch);
            }
            return policy == null ? revision : updated.policyRevision();
        });
    }

    private static DynamoException notFound(String arn) {
        return new DynamoException(
                ErrorType.POLICY_NOT_FOUND,
                "Resource-based policy not found for the provided " + "ResourceArn: " + arn
                        + " (or its revision is not the expected one)");
    }
}
