package io.shardline.engine.table;

import static io.shardline.engine.testing.Rejections.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteTable;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.OnDemandThroughput;
import io.shardline.engine.api.ResourcePolicies;
import io.shardline.engine.api.SseDescription;
import io.shardline.engine.api.TableDescription;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.WarmThroughputDescription;
import io.shardline.items.ErrorType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table settings newer clients send, read from their JSON: kept across a restart, described as
 * DynamoDB describes them, deletion protection enforced.
 */
class TableSettingsTest {
    private static final String CREATE = "{\"TableName\":\"Leases\",\"AttributeDefinitions\":[{\"AttributeName\":"
            + "\"leaseKey\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"leaseKey\",\"KeyType\":"
            + "\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"%s}";

    @Test
    void settingsAreKeptAcrossARestartAndDescribed(@TempDir Path dir) {
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            engine.createTable(read(
                    CREATE.formatted(",\"DeletionProtectionEnabled\":false,\"TableClass\":"
                            + "\"STANDARD_INFREQUENT_ACCESS\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100,"
                            + "\"MaxWriteRequestUnits\":-1},\"WarmThroughput\":{\"ReadUnitsPerSecond\":12000},"
                            + "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":\"1234abcd\"},"
                            + "\"ResourcePolicy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\""),
                    CreateTable.Request.class));
        }
        try (Engine engine = Engine.open(EngineConfig.durable(dir))) {
            TableDescription table = describe(engine);
            assertFalse(table.deletionProtectionEnabled());
            assertEquals("STANDARD_INFREQUENT_ACCESS", table.tableClassSummary().tableClass());
            assertEquals(new OnDemandThroughput(100L, -1L), table.onDemandThroughput());
            assertEquals(new WarmThroughputDescription(12000L, null, "ACTIVE"), table.warmThroughput());
            assertEquals(
                    new SseDescription("ENABLED", "KMS", "arn:aws:kms:us-east-1:000000000000:key/1234abcd"),
                    table.sseDescription());
            assertEquals(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                    engine.getResourcePolicy(new ResourcePolicies.GetRequest(table.tableArn()))
                            .policy());
            String described = new String(DynamoJson.write(table), StandardCharsets.UTF_8);
            assertTrue(described.contains("\"SSEDescription\":{\"Status\":\"ENABLED\",\"SSEType\":\"KMS\""), described);
            assertTrue(described.contains("\"DeletionProtectionEnabled\":false"), described);
        }
    }

    @Test
    void aProtectedTableIsNotDeletedUntilProtectionIsTurnedOff() {
        try (Engine engine = Engine.open(EngineConfig.inMemory())) {
            engine.createTable(
                    read(CREATE.formatted(",\"DeletionProtectionEnabled\":true"), CreateTable.Request.class));
            assertEquals(
                    "Resource cannot be deleted as it is currently protected against deletion. Disable deletion "
                            + "protection first.",
                    rejected(ErrorType.VALIDATION, () -> engine.deleteTable(new DeleteTable.Request("Leases")))
                            .getMessage());
            assertTrue(describe(engine).deletionProtectionEnabled());
            engine.updateTable(
                    read("{\"TableName\":\"Leases\",\"DeletionProtectionEnabled\":false}", UpdateTable.Request.class));
            engine.deleteTable(new DeleteTable.Request("Leases"));
            assertTrue(engine.listTables(new ListTables.Request(null, null))
                    .tableNames()
                    .isEmpty());
        }
    }

    @Test
    void resourcePolicyRevisionsGuardEachChange() {
        try (Engine engine = Engine.open(EngineConfig.inMemory())) {
            engine.createTable(read(CREATE.formatted(""), CreateTable.Request.class));
            String arn = describe(engine).tableArn();
            assertEquals(
                    ErrorType.POLICY_NOT_FOUND,
                    rejected(
                                    ErrorType.POLICY_NOT_FOUND,
                                    () -> engine.getResourcePolicy(new ResourcePolicies.GetRequest(arn)))
                            .type());
            String first = engine.putResourcePolicy(new ResourcePolicies.PutRequest(arn, "{\"a\":1}", null, null))
                    .revisionId();
            String second = engine.putResourcePolicy(new ResourcePolicies.PutRequest(arn, "{\"a\":2}", first, null))
                    .revisionId();
            rejected(
                    ErrorType.POLICY_NOT_FOUND,
                    () -> engine.putResourcePolicy(new ResourcePolicies.PutRequest(arn, "{\"a\":3}", first, null)));
            assertEquals(
                    new ResourcePolicies.Response("{\"a\":2}", second),
                    engine.getResourcePolicy(new ResourcePolicies.GetRequest(arn)));
            assertEquals(
                    second,
                    engine.deleteResourcePolicy(new ResourcePolicies.DeleteRequest(arn, second))
                            .revisionId());
            rejected(ErrorType.POLICY_NOT_FOUND, () -> engine.getResourcePolicy(new ResourcePolicies.GetRequest(arn)));
        }
    }

    @Test
    void unknownSettingValuesAreRefusedByName() {
        try (Engine engine = Engine.open(EngineConfig.inMemory())) {
            assertEquals(
                    "1 validation error detected: Value 'COLD' at 'tableClass' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [STANDARD_INFREQUENT_ACCESS, STANDARD]",
                    rejected(
                                    ErrorType.VALIDATION,
                                    () -> engine.createTable(read(
                                            CREATE.formatted(",\"TableClass\":\"COLD\""), CreateTable.Request.class)))
                            .getMessage());
            engine.createTable(read(CREATE.formatted(""), CreateTable.Request.class));
            TableDescription plain = describe(engine);
            assertFalse(plain.deletionProtectionEnabled());
            assertNull(plain.tableClassSummary());
            assertNull(plain.sseDescription());
        }
    }

    private static TableDescription describe(Engine engine) {
        return engine.describeTable(new DescribeTable.Request("Leases")).table();
    }

    private static <T> T read(String json, Class<T> type) {
        return DynamoJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
