package io.shardline.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.testing.EngineServerResource;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.Partitions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The SQL connector end to end: a real engine server, a MiniCluster with two TaskManagers, Flink's
 * planner, and tables compared with Scans through the AWS SDK.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShardlineSqlITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final EngineServerResource server = new EngineServerResource();
    private DynamoDbClient client;
    private final List<TableResult> running = new ArrayList<>();

    @BeforeEach
    void start() {
        server.startUp();
        client = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        for (TableResult result : running) {
            if (result.getJobClient().isPresent()
                    && !result.getJobClient().get().getJobStatus().get().isGloballyTerminalState()) {
                result.getJobClient().get().cancel().get(1, TimeUnit.MINUTES);
            }
        }
        client.close();
        server.tearDown();
    }

    private void createTable(String name, String key, ScalarAttributeType type, StreamViewType view, int partitions) {
        client.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(key).attributeType(type))
                .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))
                .tags(Tag.builder()
                        .key("shardline:partitions")
                        .value(Integer.toString(partitions))
                        .build())
                .streamSpecification(s -> {
                    if (view == null) {
                        s.streamEnabled(false);
                    } else {
                        s.streamEnabled(true).streamViewType(view);
                    }
                }));
    }

    private String with(String table, String... more) {
        StringBuilder options = new StringBuilder("'connector' = 'shardline', 'table-name' = '" + table
                + "', 'endpoint' = '" + server.endpoint() + "', 'access-key' = 'test', 'secret-key' = 'test'");
        for (String option : more) {
            options.append(", ").append(option);
        }
        return "WITH (" + options + ")";
    }

    private StreamTableEnvironment tables() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(500);
        env.setParallelism(2);
        return StreamTableEnvironment.create(env);
    }

    private static Map<String, AttributeValue> order(String id, String customer, String total) {
        return Map.of(
                "id",
                AttributeValue.fromS(id),
                "customer",
                AttributeValue.fromS(customer),
                "total",
                AttributeValue.fromN(total),
                "items",
                AttributeValue.fromSs(List.of("x", id)));
    }

    /** Per customer, the count and sum of totals, from a Scan of Orders. */
    private Map<String, List<BigDecimal>> totalsByScan() {
        Map<String, List<BigDecimal>> totals = new TreeMap<>();
        client.scanPaginator(r -> r.tableName("Orders").consistentRead(true))
                .items()
                .forEach(item -> {
                    List<BigDecimal> sums = totals.computeIfAbsent(
                            item.get("customer").s(), c -> new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO)));
                    sums.set(0, sums.get(0).add(BigDecimal.ONE));
                    sums.set(1, sums.get(1).add(new BigDecimal(item.get("total").n())));
                });
        return totals;
    }

    private Map<String, List<BigDecimal>> totalsInSink() {
        Map<String, List<BigDecimal>> totals = new TreeMap<>();
        client.scanPaginator(r -> r.tableName("CustomerTotals").consistentRead(true))
                .items()
                .forEach(item -> totals.put(
                        item.get("customer").s(),
                        List.of(
                                new BigDecimal(item.get("orders").n()),
                                new BigDecimal(item.get("total").n()))));
        return totals;
    }

    @Test
    void aChangelogAggregatedIntoAnUpsertSinkEqualsTheTableThroughSplitsAndALostTaskManager(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        createTable("Orders", "id", ScalarAttributeType.S, StreamViewType.NEW_AND_OLD_IMAGES, 2);
        createTable("CustomerTotals", "customer", ScalarAttributeType.S, null, 1);
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE orders (id STRING, customer STRING, total DECIMAL(38, 2), items ARRAY<STRING>, "
                + "PRIMARY KEY (id) NOT ENFORCED) " + with("Orders"));
        tables.executeSql("CREATE TABLE totals (customer STRING, orders BIGINT, total DECIMAL(38, 2), "
                + "PRIMARY KEY (customer) NOT ENFORCED) "
                + with("CustomerTotals", "'sink.max-time-in-buffer' = '20ms'"));
        running.add(tables.executeSql(
                "INSERT INTO totals SELECT customer, COUNT(*), SUM(total) FROM orders " + "GROUP BY customer"));

        Random random = new Random(17);
        for (int i = 0; i < 1_500; i++) {
            String id = "o" + random.nextInt(300);
            if (i % 5 == 4) {
                client.deleteItem(r -> r.tableName("Orders").key(Map.of("id", AttributeValue.fromS(id))));
            } else {
                Map<String, AttributeValue> order = order(
                        id,
                        "c" + random.nextInt(7),
                        random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100)));
                client.putItem(r -> r.tableName("Orders").item(order));
            }
            if (i == 500) {
                Partitions.splitWidest(server.engine(), "Orders");
            }
            if (i == 800) {
                Await.until(Duration.ofMinutes(1), () -> !totalsInSink().isEmpty(), "totals written");
                cluster.terminateTaskManager(0).get();
                cluster.startTaskManager();
            }
        }
        Map<String, List<BigDecimal>> expected = totalsByScan();
        Map<String, List<BigDecimal>> actual =
                Await.latest(Duration.ofMinutes(2), Duration.ofMillis(250), this::totalsInSink, expected::equals);
        assertThat(actual).isEqualTo(expected);
    }

    /** Reads a bounded query to its end, materialising the changelog by the first column. */
    private static Map<Object, Row> materialised(TableResult result) throws Exception {
        Map<Object, Row> rows = new HashMap<>();
        try (CloseableIterator<Row> changes = result.collect()) {
            while (changes.hasNext()) {
                Row row = changes.next();
                if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                    row.setKind(RowKind.INSERT);
                    rows.put(row.getField(0), row);
                } else {
                    rows.remove(row.getField(0));
                }
            }
        }
        return rows;
    }

    @Test
    void aNewImageStreamWithAPrimaryKeyReadsAsAnUpsertChangelogInABoundedQuery() throws Exception {
        createTable("Prices", "sku", ScalarAttributeType.S, StreamViewType.NEW_IMAGE, 2);
        for (int i = 0; i < 200; i++) {
            String sku = "s" + (i % 60);
            if (i % 9 == 8) {
                client.deleteItem(r -> r.tableName("Prices").key(Map.of("sku", AttributeValue.fromS(sku))));
            } else {
                int price = i;
                client.putItem(r -> r.tableName("Prices")
                        .item(Map.of(
                                "sku",
                                AttributeValue.fromS(sku),
                                "price",
                                AttributeValue.fromN(Integer.toString(price)))));
            }
        }
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE prices (sku STRING, price BIGINT, PRIMARY KEY (sku) NOT ENFORCED) "
                + with("Prices", "'scan.bounded' = 'true'"));
        Map<Object, Row> rows = materialised(tables.executeSql("SELECT sku, price FROM prices"));
        Map<Object, Row> expected = new HashMap<>();
        client.scanPaginator(r -> r.tableName("Prices"))
                .items()
                .forEach(item -> expected.put(
                        item.get("sku").s(),
                        Row.of(
                                item.get("sku").s(),
                                Long.parseLong(item.get("price").n()))));
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void metadataColumnsAndTheTimestampStartupMode() throws Exception {
        createTable("Sessions", "id", ScalarAttributeType.S, StreamViewType.NEW_AND_OLD_IMAGES, 1);
        client.putItem(r -> r.tableName("Sessions").item(Map.of("id", AttributeValue.fromS("early"))));
        long second = System.currentTimeMillis() / 1000;
        Await.until(Duration.ofSeconds(5), () -> System.currentTimeMillis() / 1000 > second, "the next second");
        long startMillis = (second + 1) * 1000;
        client.putItem(r ->
                r.tableName("Sessions").item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))));
        client.updateItem(r -> r.tableName("Sessions")
                .key(Map.of("id", AttributeValue.fromS("a")))
                .updateExpression("SET n = :two")
                .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
        client.deleteItem(r -> r.tableName("Sessions").key(Map.of("id", AttributeValue.fromS("a"))));

        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE sessions (id STRING, n INT, "
                + "event STRING METADATA FROM 'event_name' VIRTUAL, "
                + "seq STRING METADATA FROM 'sequence_number' VIRTUAL, "
                + "changed_at TIMESTAMP_LTZ(3) METADATA FROM 'approximate_creation_time' VIRTUAL, "
                + "shard STRING METADATA FROM 'shard_id' VIRTUAL, "
                + "tbl STRING METADATA FROM 'table_name' VIRTUAL, "
                + "ttl BOOLEAN METADATA FROM 'is_ttl_delete' VIRTUAL, "
                + "WATERMARK FOR changed_at AS changed_at - INTERVAL '5' SECOND) "
                + with(
                        "Sessions",
                        "'scan.bounded' = 'true'",
                        "'scan.startup.mode' = 'timestamp'",
                        "'scan.startup.timestamp-millis' = '" + startMillis + "'"));
        List<Row> changes = new ArrayList<>();
        try (CloseableIterator<Row> rows =
                tables.executeSql("SELECT * FROM sessions").collect()) {
            rows.forEachRemaining(changes::add);
        }
        assertThat(changes)
                .extracting(Row::getKind)
                .containsExactly(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE);
        assertThat(changes)
                .extracting(row -> row.getField("event"))
                .containsExactly("INSERT", "MODIFY", "MODIFY", "REMOVE");
        assertThat(changes).extracting(row -> row.getField("n")).containsExactly(1, 1, 2, 2);
        assertThat(changes).allSatisfy(row -> {
            assertThat(row.getField("id")).isEqualTo("a");
            assertThat(row.getField("tbl")).isEqualTo("Sessions");
            assertThat((String) row.getField("shard")).startsWith("shardId-");
            assertThat(row.getField("ttl")).isEqualTo(false);
            assertThat(((java.time.Instant) row.getField("changed_at")).toEpochMilli())
                    .isGreaterThanOrEqualTo(startMillis);
        });
        assertThat(new java.math.BigInteger((String) changes.get(0).getField("seq")))
                .isLessThan(new java.math.BigInteger((String) changes.get(3).getField("seq")));
    }

    @Test
    void aStreamOrKeyThatCannotServeTheDeclaredTableIsRefusedWhilePlanning() {
        createTable("KeysOnly", "id", ScalarAttributeType.S, StreamViewType.KEYS_ONLY, 1);
        createTable("NewImages", "id", ScalarAttributeType.S, StreamViewType.NEW_IMAGE, 1);
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE keys_only (id STRING) " + with("KeysOnly"));
        assertThatThrownBy(() -> tables.explainSql("SELECT * FROM keys_only"))
                .hasStackTraceContaining("The stream of table KeysOnly has view type KEYS_ONLY")
                .hasStackTraceContaining("NEW_AND_OLD_IMAGES (a full changelog), or NEW_IMAGE with a PRIMARY KEY");
        tables.executeSql("CREATE TABLE no_key (id STRING) " + with("NewImages"));
        assertThatThrownBy(() -> tables.explainSql("SELECT * FROM no_key"))
                .hasStackTraceContaining("has view type NEW_IMAGE");
        tables.executeSql("CREATE TABLE wrong_key (id STRING, other STRING, PRIMARY KEY (other) NOT ENFORCED) "
                + with("NewImages"));
        assertThatThrownBy(() -> tables.explainSql("INSERT INTO wrong_key SELECT 'a', 'b'"))
                .hasStackTraceContaining("The PRIMARY KEY [other] is not the key of table NewImages, which is [id]");
        tables.executeSql("CREATE TABLE stamped (id STRING, seen_at TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED) "
                + with("NewImages"));
        assertThatThrownBy(() -> tables.explainSql("SELECT * FROM stamped"))
                .isInstanceOf(ValidationException.class)
                .hasStackTraceContaining("Column seen_at is a TIMESTAMP(3)");
    }
}
