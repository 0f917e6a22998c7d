package io.shardline.engine.server;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A real engine behind a real server on a loopback port, and AWS SDK clients pointed at it. */
final class ServerFixture implements AutoCloseable {
    final Engine engine;
    final ShardlineServer server;

    ServerFixture(EngineConfig engineConfig, ServerConfig serverConfig, Clock serverClock) {
        engine = Engine.open(engineConfig);
        server = ShardlineServer.start(engine, serverConfig, serverClock);
    }

    static ServerFixture open() {
        return new ServerFixture(EngineConfig.inMemory(), ServerConfig.loopback(0), Clock.systemUTC());
    }

    URI endpoint() {
        return URI.create(server.endpoint());
    }

    DynamoDbClient client(String accessKey, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .build();
    }

    DynamoDbClient client() {
        return client("AKIDTEST", "secret");
    }

    DynamoDbAsyncClient asyncClient() {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    DynamoDbStreamsClient streamsClient() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    static Map<String, String> credentials() {
        return Map.of("AKIDTEST", "secret");
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
