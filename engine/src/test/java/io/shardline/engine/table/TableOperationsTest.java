package io.shardline.engine.table;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.engine.testing.Items.table;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteTable;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.ProvisionedThroughput;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.TableDescription;
import io.shardline.engine.api.Tag;
import io.shardline.engine.api.UpdateTable;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableOperationsTest {
    private final Engine engine = Engine.open(EngineConfig.inMemory().withDefaultPartitions(3));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void createdTableIsDescribedWithSchemaStatusAndArn() {
        CreateTable.Request request = new CreateTable.Request(
                "Orders",
                List.of(new AttributeDefinition("customer", "S"), new AttributeDefinition("placed", "N")),
                List.of(new KeySchemaElement("customer", "HASH"), new KeySchemaElement("placed", "RANGE")),
                null,
                new ProvisionedThroughput(5L, 7L),
                null,
                null);
        TableDescription created = engine.createTable(request).tableDescription();
        assertEquals("ACTIVE", created.tableStatus());
        TableDescription described =
                engine.describeTable(new DescribeTable.Request("Orders")).table();
        assertEquals("Orders", described.tableName());
        assertEquals("ACTIVE", described.tableStatus());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/Orders", described.tableArn());
        assertEquals(request.keySchema(), described.keySchema());
        assertEquals(request.attributeDefinitions(), described.attributeDefinitions());
        assertEquals("PROVISIONED", described.billingModeSummary().billingMode());
        assertEquals(5L, described.provisionedThroughput().readCapacityUnits());
        assertEquals(7L, described.provisionedThroughput().writeCapacityUnits());
        assertEquals(0L, described.itemCount());
        assertTrue(Math.abs(described.creationDateTime().doubleValue() - System.currentTimeMillis() / 1000.0) < 60);
        assertEquals(3, engine.partitions("Orders").size(), "engine-wide default partition count");
    }

    @Test
    void itemCountAndSizeFollowWrites() {
        createTable(engine, "Counted", 2, "id:S");
        engine.putItem(PutItem.Request.of("Counted", item("id", s("a"), "v", s("xyz"))));
        engine.putItem(PutItem.Request.of("Counted", item("id", s("b"))));
        TableDescription d =
                engine.describeTable(new DescribeTable.Request("Counted")).table();
        assertEquals(2L, d.itemCount());
        assertEquals((2 + 1 + 1 + 3) + (2 + 1), d.tableSizeBytes());
    }

    @Test
    void partitionsTagOverridesTheDefaultPartitionCount() {
        createTable(engine, "Single", 1, "id:S");
        List<Partition> partitions = engine.partitions("Single");
        assertEquals(1, partitions.size());
        assertEquals(0L, partitions.get(0).hashStart());
        assertEquals(-1L, partitions.get(0).hashEnd());
        rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Bad",
                        table("x", 1, "id:S").attributeDefinitions(),
                        table("x", 1, "id:S").keySchema(),
                        "PAY_PER_REQUEST",
                        null,
                        List.of(new Tag("shardline:partitions", "0")),
                        null)));
    }

    @Test
    void existingTableNameIsInUse() {
        createTable(engine, "Twice", 1, "id:S");
        DynamoException e = rejected(ErrorType.RESOURCE_IN_USE, () -> createTable(engine, "Twice", 1, "id:S"));
        assertEquals("Table already exists: Twice", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "has space", "slash/name", "ünïcode"})
    void invalidTableNamesAreRejectedByValue(String name) {
        DynamoException e = rejected(ErrorType.VALIDATION, () -> createTable(engine, name, 1, "id:S"));
        assertThat(e).hasMessageContaining("Value '" + name + "' at 'tableName'");
    }

    @Test
    void longestValidNameIsAccepted() {
        String name = "a.b-c_" + "x".repeat(249);
        createTable(engine, name, 1, "id:S");
        assertEquals(
                name,
                engine.describeTable(new DescribeTable.Request(name)).table().tableName());
        rejected(ErrorType.VALIDATION, () -> createTable(engine, name + "y", 1, "id:S"));
    }

    @Test
    void invalidKeySchemasAreRejected() {
        rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Keys",
                        List.of(new AttributeDefinition("id", "BOOL")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        null,
                        null,
                        null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Keys",
                        List.of(new AttributeDefinition("id", "S")),
                        List.of(new KeySchemaElement("id", "RANGE")),
                        "PAY_PER_REQUEST",
                        null,
                        null,
                        null)));
        DynamoException missing = rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Keys",
                        List.of(new AttributeDefinition("other", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        null,
                        null,
                        null)));
        assertThat(missing).hasMessageContaining("Keys: [id]");
        rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Keys",
                        List.of(new AttributeDefinition("id", "S"), new AttributeDefinition("extra", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        null,
                        null,
                        null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Keys",
                        List.of(new AttributeDefinition("id", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PROVISIONED",
                        null,
                        null,
                        null)));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.createTable(new CreateTable.Request(
                        "Keys",
                        List.of(new AttributeDefinition("id", "S")),
                        List.of(new KeySchemaElement("id", "HASH")),
                        "PAY_PER_REQUEST",
                        new ProvisionedThroughput(1L, 1L),
                        null,
                        null)));
        assertEquals(
                List.of(), engine.listTables(new ListTables.Request(null, null)).tableNames(), "nothing half-created");
    }

    @Test
    void listTablesPagesInNameOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "table" + (char) ('g' - i);
            createTable(engine, name, 1, "id:S");
            expected.add(0, name);
        }
        List<String> seen = new ArrayList<>();
        String start = null;
        int pages = 0;
        do {
            ListTables.Response page = engine.listTables(new ListTables.Request(start, 3));
            seen.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
            pages++;
        } while (start != null);
        assertEquals(expected, seen);
        assertEquals(3, pages);
        rejected(ErrorType.VALIDATION, () -> engine.listTables(new ListTables.Request(null, 101)));
    }

    @Test
    void updateTableChangesBillingAndThroughput() {
        createTable(engine, "Billing", 1, "id:S");
        TableDescription provisioned = engine.updateTable(new UpdateTable.Request(
                        "Billing", null, "PROVISIONED", new ProvisionedThroughput(3L, 4L), null))
                .tableDescription();
        assertEquals("PROVISIONED", provisioned.billingModeSummary().billingMode());
        assertEquals(4L, provisioned.provisionedThroughput().writeCapacityUnits());
        TableDescription raised = engine.updateTable(
                        new UpdateTable.Request("Billing", null, null, new ProvisionedThroughput(10L, 20L), null))
                .tableDescription();
        assertEquals(10L, raised.provisionedThroughput().readCapacityUnits());
        assertEquals(
                "PAY_PER_REQUEST",
                engine.updateTable(new UpdateTable.Request("Billing", null, "PAY_PER_REQUEST", null, null))
                        .tableDescription()
                        .billingModeSummary()
                        .billingMode());
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateTable(new UpdateTable.Request("Billing", null, null, null, null)));
        rejected(
                ErrorType.RESOURCE_NOT_FOUND,
                () -> engine.updateTable(new UpdateTable.Request("Nope", null, "PAY_PER_REQUEST", null, null)));
    }

    @Test
    void deleteTableRemovesItAndItsItems() {
        createTable(engine, "Gone", 2, "id:S");
        engine.putItem(PutItem.Request.of("Gone", item("id", s("a"))));
        TableDescription deleted =
                engine.deleteTable(new DeleteTable.Request("Gone")).tableDescription();
        assertEquals("DELETING", deleted.tableStatus());
        assertEquals(1L, deleted.itemCount());
        DynamoException e =
                rejected(ErrorType.RESOURCE_NOT_FOUND, () -> engine.describeTable(new DescribeTable.Request("Gone")));
        assertThat(e).hasMessageContaining("Gone");
        rejected(ErrorType.RESOURCE_NOT_FOUND, () -> engine.deleteTable(new DeleteTable.Request("Gone")));
        createTable(engine, "Gone", 2, "id:S");
        assertNull(
                engine.getItem(GetItem.Request.of("Gone", item("id", s("a")))).item(),
                "a new table of the same name starts empty");
        assertEquals(
                0L,
                engine.describeTable(new DescribeTable.Request("Gone")).table().itemCount());
    }
}
