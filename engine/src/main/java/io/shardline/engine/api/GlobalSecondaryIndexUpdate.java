package io.shardline.engine.api;

/** One action of UpdateTable's GlobalSecondaryIndexUpdates: exactly one of create, update or delete. */
public record GlobalSecondaryIndexUpdate(GlobalSecondaryIndex create, Update update, Delete delete) {

    /** Changes an index's provisioned throughput (echoed, not enforced). */
    public record Update(
            @Required String indexName, @Required ProvisionedThroughput provisionedThroughput) {}

    public record Delete(@Required String indexName) {}
}
