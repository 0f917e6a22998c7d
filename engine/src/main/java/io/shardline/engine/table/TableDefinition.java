package io.shardline.engine.table;

import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.model.KeySchema;
import java.util.List;

/**
 * Everything durable about a table but its items: schema, settings, and every partition it ever had.
 * Stored as JSON in the store's meta family; replaced as a whole when it changes.
 */
public record TableDefinition(String name, long id, KeySchema keySchema,
                              List<AttributeDefinition> attributeDefinitions, String billingMode,
                              Long readCapacityUnits, Long writeCapacityUnits, long createdAtMillis,
                              List<Partition> partitions, long nextPartitionId) {

    public TableDefinition {
        partitions = List.copyOf(partitions);
    }

    public List<Partition> openPartitions() {
        return partitions.stream().filter(Partition::isOpen).toList();
    }

    TableDefinition withPartitions(List<Partition> newPartitions, long newNextPartitionId) {
        return new TableDefinition(name, id, keySchema, attributeDefinitions, billingMode, readCapacityUnits,
                writeCapacityUnits, createdAtMillis, newPartitions, newNextPartitionId);
    }

    TableDefinition withBilling(String newBillingMode, Long newRead, Long newWrite) {
        return new TableDefinition(name, id, keySchema, attributeDefinitions, newBillingMode, newRead, newWrite,
                createdAtMillis, partitions, nextPartitionId);
    }
}
