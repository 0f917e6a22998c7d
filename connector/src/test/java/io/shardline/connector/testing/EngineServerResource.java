package io.shardline.connector.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import java.net.URI;
import java.time.Clock;
import org.apache.flink.connector.testframe.TestResource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * An engine behind its real server on loopback, for connector tests: the external system of the
 * connector test suite, and what each integration test starts and stops around itself.
 */
public final class EngineServerResource implements TestResource {
    private final EngineConfig config;
    private Engine engine;
    private ShardlineServer server;

    /** An in-memory engine with default settings. */
    public EngineServerResource() {
        this(EngineConfig.inMemory());
    }

    public EngineServerResource(EngineConfig config) {
        this.config = config;
    }

    @Override
    public void startUp() {
        engine = Engine.open(config);
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
    }

    @Override
    public void tearDown() {
        server.close();
        engine.close();
    }

    public String endpoint() {
        return server.endpoint();
    }

    public Engine engine() {
        return engine;
    }

    /** A DynamoDB client of this server, which the caller closes. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /**
     * Creates a table keyed by string attribute {@code id}, with {@code partitions} partitions and a
     * NEW_IMAGE stream; returns the stream's ARN.
     */
    public String createTableWithStream(String name, int partitions) {
        try (DynamoDbClient client = client()) {
            return client.createTable(r -> r.tableName(name)
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                            .tags(Tag.builder()
                                    .key("shardline:partitions")
                                    .value(Integer.toString(partitions))
                                    .build())
                            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                    .tableDescription()
                    .latestStreamArn();
        }
    }
}
