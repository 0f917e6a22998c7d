package io.shardline.connector.client;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Makes the AWS credentials provider of each client on each task manager: providers themselves are
 * not serializable, so a source or sink carries this instead. Any provider works, for example
 * {@code () -> ProfileCredentialsProvider.create("analytics")}.
 */
@FunctionalInterface
@PublicEvolving
public interface CredentialsFactory extends Serializable {
    AwsCredentialsProvider create();

    /** The AWS SDK's default chain: environment, system properties, profile, container or instance role. */
    static CredentialsFactory defaultChain() {
        return () -> DefaultCredentialsProvider.builder().build();
    }

    /** Fixed keys, for Shardline's server or tests. */
    static CredentialsFactory staticKeys(String accessKeyId, String secretAccessKey) {
        return () -> StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }
}
