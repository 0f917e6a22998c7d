package io.shardline.connector.source;

import java.io.Serializable;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * How to reach DynamoDB Streams: an endpoint override (Shardline's server) or none (Amazon DynamoDB),
 * a region, and static credentials or the SDK's default chain. Shipped to every task manager, which
 * builds its own client.
 */
public record StreamsClientSettings(String endpoint, String region, String accessKeyId, String secretAccessKey)
        implements Serializable {

    public DynamoDbStreamsClient createClient() {
        var builder = DynamoDbStreamsClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** A DynamoDB client with the same settings, for looking up a table's latest stream. */
    public DynamoDbClient createTableClient() {
        var builder = DynamoDbClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        return accessKeyId == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }
}
