package io.shardline.jobs.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.jobs.cli.TableConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The source of tests that run jobs in processes of their own: an in-memory engine whose open shards
 * roll over every few seconds (so jobs meet lineage), served on a loopback port, and an AWS SDK client
 * of it with the keys the jobs are given ({@code test}/{@code test}).
 */
public final class ServedEngine implements AutoCloseable {
    private final Engine engine;
    private final ShardlineServer server;
    private final DynamoDbClient client;

    private ServedEngine(Engine engine, ShardlineServer server) {
        this.engine = engine;
        this.server = server;
        this.client = TableConnection.of(server.endpoint(), "us-east-1", "test", "test")
                .settings()
                .createTableClient();
    }

    /** Starts an engine rolling its shards over at {@code shardRollover}, and its server. */
    public static ServedEngine start(Duration shardRollover) {
        Engine engine = Engine.open(EngineConfig.inMemory()
                .withShardRolloverAge(shardRollover)
                .withMaintenanceInterval(Duration.ofMillis(200)));
        return new ServedEngine(engine, ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC()));
    }

    public String endpoint() {
        return server.endpoint();
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates a table of two partitions keyed by the string attribute {@code key}, with a stream of {@code view}. */
    public void createTable(String table, String key, StreamViewType view) {
        client.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))
                .tags(Tag.builder().key("shardline:partitions").value("2").build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
    }

    /** The arguments that point a job at this engine. */
    public List<String> connection() {
        return List.of("--endpoint", endpoint(), "--access-key", "test", "--secret-key", "test");
    }

    @Override
    public void close() {
        client.close();
        server.close();
        engine.close();
    }
}
