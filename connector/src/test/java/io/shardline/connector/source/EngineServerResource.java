package io.shardline.connector.source;

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

/** The external system of the connector test suite: an in-memory engine behind its real server on loopback. */
final class EngineServerResource implements TestResource {
    private Engine engine;
    private ShardlineServer server;

    @Override
    public void startUp() {
        engine = Engine.open(EngineConfig.inMemory());
        server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC());
    }

    @Override
    public void tearDown() {
        server.close();
        engine.close();
    }

    String endpoint() {
        return server.endpoint();
    }

    /** A DynamoDB client of this server, which the caller closes. */
    DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }
}
