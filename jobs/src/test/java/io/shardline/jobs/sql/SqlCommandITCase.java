package io.shardline.jobs.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.jobs.cli.TableConnection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The {@code sql} command end to end: a script against a real engine server, on the command's own local cluster. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SqlCommandITCase {
    @TempDir
    Path dir;

    private static void createTable(DynamoDbClient client, String name, String key) {
        client.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SqlCommand())
                .setOut(new PrintWriter(out, true))
                .execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void aScriptCreatesTablesFillsASinkAndPrintsAQueryAsChangelogAndAsFinalTable() throws Exception {
        Engine engine = Engine.open(EngineConfig.inMemory());
        try (ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
                DynamoDbClient client = TableConnection.of(server.endpoint(), "us-east-1", "test", "test")
                        .settings()
                        .createTableClient()) {
            createTable(client, "Orders", "id");
            createTable(client, "CustomerTotals", "customer");
            Map<String, Long> expected = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                String customer = "c" + i % 3;
                int id = i;
                client.putItem(r -> r.tableName("Orders")
                        .item(Map.of(
                                "id",
                                AttributeValue.fromS("o" + id),
                                "customer",
                                AttributeValue.fromS(customer),
                                "total",
                                AttributeValue.fromN(id + ".50"))));
                expected.merge(customer, 1L, Long::sum);
            }
            client.deleteItem(r -> r.tableName("Orders").key(Map.of("id", AttributeValue.fromS("o0"))));
            expected.merge("c0", -1L, Long::sum);
            String with = "'connector' = 'shardline', 'endpoint' = '" + server.endpoint()
                    + "', 'access-key' = 'test', 'secret-key' = 'test'";
            Path script = dir.resolve("totals.sql");
            Files.writeString(script, """
                    -- the orders' changelog, read to the end of the stream as it is now
                    CREATE TABLE orders (id STRING, customer STRING, total DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED)
                      WITH (%1$s, 'table-name' = 'Orders', 'scan.bounded' = 'true');
                    CREATE TABLE totals (customer STRING, orders BIGINT, total DECIMAL(38, 2),
                      PRIMARY KEY (customer) NOT ENFORCED) WITH (%1$s, 'table-name' = 'CustomerTotals');
                    INSERT INTO totals SELECT customer, COUNT(*), SUM(total) FROM orders GROUP BY customer;
                    SELECT customer, COUNT(*) AS orders FROM orders GROUP BY customer;
                    """.formatted(with));

            String changelog = run("-f", script.toString(), "--web-port", "0", "--parallelism", "1");
            Map<String, Long> totals = new TreeMap<>();
            client.scanPaginator(r -> r.tableName("CustomerTotals"))
                    .items()
                    .forEach(item -> totals.put(
                            item.get("customer").s(),
                            Long.parseLong(item.get("orders").n())));
            assertThat(totals).isEqualTo(expected);
            assertThat(changelog)
                    .contains("| op |", "Job ", "finished", "Received a total of")
                    .containsPattern("\\| \\+U \\| +c1 \\| +10 \\|");

            String table = run("--final", "--web-port", "0", "-e", """
                    CREATE TABLE orders (id STRING, customer STRING, PRIMARY KEY (id) NOT ENFORCED)
                      WITH (%s, 'table-name' = 'Orders', 'scan.bounded' = 'true');
                    SELECT customer, COUNT(*) AS orders FROM orders GROUP BY customer
                    """.formatted(with));
            assertThat(table)
                    .contains("| customer | orders |", "3 rows in set")
                    .containsPattern("\\| +c0 \\| +9 \\|")
                    .containsPattern("\\| +c2 \\| +10 \\|")
                    .doesNotContain("| op |");
        }
    }
}
