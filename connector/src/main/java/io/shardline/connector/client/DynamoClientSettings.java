package io.shardline.connector.client;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
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
 * (Amazon DynamoDB), a region, where credentials come from, and how often to retry
 * throttled, failed (5xx) and unreachable calls, with exponential backoff and full jitter. Shipped to
 * every task manager, which builds its own clients.
 */
@Internal
public record DynamoClientSettings(
        String endpoint,
        String region,
        CredentialsFactory credentials,
        int maxAttempts,
        Duration baseRetryDelay,
        Duration maxRetryDelay)
        implements Serializable {

    /** Attempts of a throttled, failed (5xx) or unreachable call unless configured otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    public static final Duration DEFAULT_BASE_RETRY_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(10);

    /** Settings with static keys (or, with a null key id, the SDK's default chain) and the default retry policy. */
    public DynamoClientSettings(String endpoint, String region, String accessKeyId, String secretAccessKey) {
        this(
                endpoint,
                region,
                accessKeyId == null
                        ? CredentialsFactory.defaultChain()
                        : CredentialsFactory.staticKeys(accessKeyId, secretAccessKey));
    }

    /** Settings with these credentials and the default retry policy. */
    public DynamoClientSettings(String endpoint, String region, CredentialsFactory credentials) {
        this(endpoint, region, credentials, DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_RETRY_DELAY, DEFAULT_MAX_RETRY_DELAY);
    }

    public DynamoClientSettings {
        Objects.requireNonNull(credentials, "credentials");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must be a region name such as us-east-1, not "
                    + (region == null ? "null" : "'" + region + "'"));
        }
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Retry attempts must be at least 1, not " + maxAttempts);
        }
        if (baseRetryDelay.isNegative() || maxRetryDelay.compareTo(baseRetryDelay) < 0) {
            throw new IllegalArgumentException("Retry delays must satisfy 0 <= base <= max, not base " + baseRetryDelay
                    + " and max " + maxRetryDelay);
        }
    }

    private static void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' is not a URI: " + e.getMessage(), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint '" + endpoint + "' must be an http or https URL with a host, "
                    + "such as http://127.0.0.1:8000");
        }
    }

    // ApacheHttpClient (HttpClient 4) is deprecated for Apache5HttpClient; the move, which changes the
    // connector's pool and timeouts and the cluster jar's contents, is left to its own change.
    @SuppressWarnings("deprecation")
    public DynamoDbStreamsClient createClient() {
        return configure(DynamoDbStreamsClient.builder().httpClientBuilder(ApacheHttpClient.builder()))
                .build();
    }

    /** A DynamoDB client with the same settings, for looking up tables and their latest streams. */
    @SuppressWarnings("deprecation") // ApacheHttpClient, as in createClient
    public DynamoDbClient createTableClient() {
        return configure(DynamoDbClient.builder().httpClientBuilder(ApacheHttpClient.builder()))
                .build();
    }

    /** An asynchronous DynamoDB client with the same settings, for writing items. */
    public DynamoDbAsyncClient createAsyncTableClient() {
        return configure(DynamoDbAsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder()))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials.create())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /** The SDK's standard retry strategy with our limits; no circuit breaker, so every call gets every attempt. */
    private RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseRetryDelay, maxRetryDelay);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                .build();
    }
}
