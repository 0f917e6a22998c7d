package io.shardline.connector.source.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.testing.EngineServerResource;
import io.shardline.connector.testing.Restarts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The table-scan source on a real MiniCluster reading a real engine server's table. */
@Timeout(180)
class TableScanSourceITCase {
    private static final int ITEMS = 3_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(3)
            .build());

    private final EngineServerResource server = new EngineServerResource();

    @BeforeEach
    void fillTable() {
        server.startUp();
        server.createTableWithStream("Items", 4);
        try (DynamoDbClient client = server.client()) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                batch.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "id",
                                        AttributeValue.fromS("item-" + i),
                                        "n",
                                        AttributeValue.fromN(Integer.toString(i))))
                                .build())
                        .build());
                if (batch.size() == 25) {
                    List<WriteRequest> writes = List.copyOf(batch);
                    client.batchWriteItem(r -> r.requestItems(Map.of("Items", writes)));
                    batch.clear();
                }
            }
        }
    }

    @AfterEach
    void stop() {
        server.tearDown();
    }

    private TableScanSource<String> source() {
        return TableScanSource.<String>builder()
                .tableName("Items")
                .endpoint(server.endpoint())
                .credentialsProvider(io.shardline.connector.client.CredentialsFactory.staticKeys("test", "test"))
                .segments(7)
                .pageSize(50)
                .items(item -> item.get("id").s(), Types.STRING)
                .build();
    }

    @Test
    void parallelScanReadsEveryItemExactlyOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(3);
        List<String> ids = env.fromSource(source(), WatermarkStrategy.noWatermarks(), "scan")
                .executeAndCollect(ITEMS * 2);
        assertThat(ids).hasSize(ITEMS).doesNotHaveDuplicates();
    }

    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    static final AtomicInteger SEEN = new AtomicInteger();

    @Test
    void restoredScanGoesOnFromTheLastCheckpointedKeyOfEachSegment() throws Exception {
        FAILED_ONCE.set(false);
        SEEN.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Restarts.fixedDelay(3));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        List<String> ids = env.fromSource(source(), WatermarkStrategy.noWatermarks(), "scan")
                .map(id -> {
                    if (SEEN.incrementAndGet() == ITEMS / 2 && FAILED_ONCE.compareAndSet(false, true)) {
                        throw new IllegalStateException("injected failure halfway through the scan");
                    }
                    return id;
                })
                .executeAndCollect(ITEMS * 2);
        assertThat(FAILED_ONCE).isTrue();
        assertThat(ids).hasSize(ITEMS).doesNotHaveDuplicates();
    }
}
