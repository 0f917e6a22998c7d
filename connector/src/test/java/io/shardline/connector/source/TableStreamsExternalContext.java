package io.shardline.connector.source;

import io.shardline.connector.testing.EngineServerResource;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.testframe.external.ExternalSystemSplitDataWriter;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * One test case's view of the engine server: each split writer creates a new one-partition table
 * (one shard) with a NEW_IMAGE stream under this context's own name prefix, and the source reads
 * every table matching that prefix, so splits appear while a job runs.
 */
final class TableStreamsExternalContext implements DataStreamSourceExternalContext<String> {
    private final EngineServerResource server;
    private final String prefix = "suite-" + UUID.randomUUID().toString().substring(0, 8);
    private final DynamoDbClient client;
    private final List<String> tables = new ArrayList<>();

    TableStreamsExternalContext(EngineServerResource server) {
        this.server = server;
        this.client = server.client();
    }

    @Override
    public Source<String, ?, ?> createSource(TestingSourceSettings settings) {
        ShardlineSourceBuilder<String> builder = ShardlineSource.<String>builder()
                .tableNamePattern(prefix + "-\\d+")
                .endpoint(server.endpoint())
                .credentials("test", "test")
                .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(100))
                .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, Duration.ofMillis(20))
                .deserializer(ChangeRecordDeserializationSchema.of(
                        r -> r.newImage().get("value").s(), Types.STRING));
        if (settings.getBoundedness() == Boundedness.BOUNDED) {
            builder.bounded();
        }
        return builder.build();
    }

    @Override
    public ExternalSystemSplitDataWriter<String> createSourceSplitDataWriter(TestingSourceSettings settings) {
        String table = prefix + "-" + tables.size();
        client.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .tags(Tag.builder().key("shardline:partitions").value("1").build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        tables.add(table);
        return new ExternalSystemSplitDataWriter<>() {
            private long next;

            @Override
            public void writeRecords(List<String> records) {
                for (String record : records) {
                    String id = Long.toString(next++);
                    client.putItem(r -> r.tableName(table)
                            .item(Map.of("id", AttributeValue.fromN(id), "value", AttributeValue.fromS(record))));
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public List<String> generateTestData(TestingSourceSettings settings, int splitIndex, long seed) {
        Random random = new Random(seed);
        int count = 20 + random.nextInt(80);
        List<String> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(splitIndex + "-" + i + "-" + Long.toHexString(random.nextLong()));
        }
        return records;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public List<URL> getConnectorJarPaths() {
        return List.of();
    }

    @Override
    public void close() {
        tables.forEach(table -> client.deleteTable(r -> r.tableName(table)));
        client.close();
    }

    @Override
    public String toString() {
        return "one table per split, read by name pattern";
    }
}
