package io.shardline.connector.client;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * How to reach DynamoDB and DynamoDB Streams: an endpoint override (Shardline's server) or none
 * (Amazon DynamoDB), a region, static credentials or the SDK's default chain, and how often to retry
 * throttled, failed (5xx) and unreachable calls, with exponential backoff and full jitter. Shipped to
 * every task manager, which builds its own clients.
 */
public record DynamoClientSettings(String endpoint, String region, String accessKeyId, String secretAccessKey,
                                    int maxAttempts, Duration baseRetryDelay, Duration maxRetryDelay)
        implements Serializable {

    /** Attempts of a throttled, failed (5xx) or unreachable call unless configured otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_BASE_RETRY_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(10);

    /** Settings with the default retry policy. */
    public DynamoClientSettings(String endpoint, String region, String accessKeyId, String secretAccessKey) {
        this(endpoint, region, accessKeyId, secretAccessKey, DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_RETRY_DELAY,
                DEFAULT_MAX_RETRY_DELAY);
    }

    public DynamoClientSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Retry attempts must be at least 1, not " + maxAttempts);
        }
        if (baseRetryDelay.isNegative() || maxRetryDelay.compareTo(baseRetryDelay) < 0) {
            throw new IllegalArgumentException("Retry delays must satisfy 0 <= base <= max, not base " + baseRetryDelay
                    + " and max " + maxRetryDelay);
        }
    }

    public DynamoDbStreamsClient createClient() {
        return configure(DynamoDbStreamsClient.builder().httpClientBuilder(ApacheHttpClient.builder())).build();
    }

    /** A DynamoDB client with the same settings, for looking up tables and their latest streams. */
    public DynamoDbClient createTableClient() {
        return configure(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder())).build();
    }

    /** An asynchronous DynamoDB client with the same settings, for writing items. */
    public DynamoDbAsyncClient createAsyncTableClient() {
        return configure(DynamoDbAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder())).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(region)).credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /** The SDK's standard retry strategy with our limits; no circuit breaker, so every call gets every attempt. */
    private RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseRetryDelay, maxRetryDelay);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff).circuitBreakerEnabled(false).build();
    }

    private AwsCredentialsProvider credentials() {
        return accessKeyId == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }
}
