package io.shardline.engine.table;

import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.Tag;
import io.shardline.engine.changelog.StreamDefinition;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.items.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything durable about a table but its items and change records: schema, settings, every
 * partition it ever had, its streams with their shards, its secondary indexes and its tags. Stored
 * as JSON in the store's meta family; replaced as a whole when it changes.
 *
 * @param streams      the table's streams, oldest first; at most the last is enabled
 * @param ttlAttribute the attribute holding items' expiry in epoch seconds, or null when TTL is off
 * @param indexes      global and local secondary indexes, in the order they were defined
 * @param tags         the table's tags, in the order they were first given
 * @param settings     deletion protection, class, throughput and encryption settings, resource policy
 */
public record TableDefinition(
        String name,
        long id,
        KeySchema keySchema,
        List<AttributeDefinition> attributeDefinitions,
        String billingMode,
        Long readCapacityUnits,
        Long writeCapacityUnits,
        long createdAtMillis,
        List<Partition> partitions,
        long nextPartitionId,
        List<StreamDefinition> streams,
        long nextShardNumber,
        String ttlAttribute,
        List<SecondaryIndex> indexes,
        List<Tag> tags,
        TableSettings settings) {

    public TableDefinition {
        settings = settings == null ? TableSettings.DEFAULT : settings;
        partitions = List.copyOf(partitions);
        streams = streams == null ? List.of() : List.copyOf(streams);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public List<Partition> openPartitions() {
        return partitions.stream().filter(Partition::isOpen).toList();
    }

    /** The most recently enabled stream, enabled or not. */
    public Optional<StreamDefinition> latestStream() {
        return streams.isEmpty() ? Optional.empty() : Optional.of(streams.get(streams.size() - 1));
    }

    public Optional<StreamDefinition> enabledStream() {
        return latestStream().filter(StreamDefinition::isEnabled);
    }

    /** The secondary index of that name. */
    public Optional<SecondaryIndex> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    TableDefinition withPartitions(List<Partition> newPartitions, long newNextPartitionId) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                attributeDefinitions,
                billingMode,
                readCapacityUnits,
                writeCapacityUnits,
                createdAtMillis,
                newPartitions,
                newNextPartitionId,
                streams,
                nextShardNumber,
                ttlAttribute,
                indexes,
                tags,
                settings);
    }

    TableDefinition withBilling(String newBillingMode, Long newRead, Long newWrite) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                attributeDefinitions,
                newBillingMode,
                newRead,
                newWrite,
                createdAtMillis,
                partitions,
                nextPartitionId,
                streams,
                nextShardNumber,
                ttlAttribute,
                indexes,
                tags,
                settings);
    }

    /** This definition with {@code stream} replacing the stream of the same label, or appended. */
    public TableDefinition withStream(StreamDefinition stream, long newNextShardNumber) {
        List<StreamDefinition> updated = new ArrayList<>();
        boolean replaced = false;
        for (StreamDefinition existing : streams) {
            boolean same = existing.label().equals(stream.label());
            updated.add(same ? stream : existing);
            replaced |= same;
        }
        if (!replaced) {
            updated.add(stream);
        }
        return withStreams(updated, newNextShardNumber);
    }

    public TableDefinition withStreams(List<StreamDefinition> newStreams, long newNextShardNumber) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                attributeDefinitions,
                billingMode,
                readCapacityUnits,
                writeCapacityUnits,
                createdAtMillis,
                partitions,
                nextPartitionId,
                newStreams,
                newNextShardNumber,
                ttlAttribute,
                indexes,
                tags,
                settings);
    }

    public TableDefinition withTtlAttribute(String attribute) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                attributeDefinitions,
                billingMode,
                readCapacityUnits,
                writeCapacityUnits,
                createdAtMillis,
                partitions,
                nextPartitionId,
                streams,
                nextShardNumber,
                attribute,
                indexes,
                tags,
                settings);
    }

    /** This definition with other secondary indexes and the attribute definitions their keys need. */
    public TableDefinition withIndexes(List<SecondaryIndex> newIndexes, List<AttributeDefinition> newDefinitions) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                newDefinitions,
                billingMode,
                readCapacityUnits,
                writeCapacityUnits,
                createdAtMillis,
                partitions,
                nextPartitionId,
                streams,
                nextShardNumber,
                ttlAttribute,
                newIndexes,
                tags,
                settings);
    }

    /** This definition with {@code index} replacing the index of the same id. */
    public TableDefinition withIndex(SecondaryIndex index) {
        return withIndexes(
                indexes.stream().map(i -> i.id() == index.id() ? index : i).toList(), attributeDefinitions);
    }

    public TableDefinition withTags(List<Tag> newTags) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                attributeDefinitions,
                billingMode,
                readCapacityUnits,
                writeCapacityUnits,
                createdAtMillis,
                partitions,
                nextPartitionId,
                streams,
                nextShardNumber,
                ttlAttribute,
                indexes,
                newTags,
                settings);
    }

    public TableDefinition withSettings(TableSettings newSettings) {
        return new TableDefinition(
                name,
                id,
                keySchema,
                attributeDefinitions,
                billingMode,
                readCapacityUnits,
                writeCapacityUnits,
                createdAtMillis,
                partitions,
                nextPartitionId,
                streams,
                nextShardNumber,
                ttlAttribute,
                indexes,
                tags,
                newSettings);
    }
}
