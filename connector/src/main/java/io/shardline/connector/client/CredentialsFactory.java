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
        return new DefaultChain();
    }

    /** Fixed keys, for Shardline's server or tests. */
    static CredentialsFactory staticKeys(String accessKeyId, String secretAccessKey) {
        return new StaticKeys(accessKeyId, secretAccessKey);
    }

    /**
     * The default chain as a class rather than a lambda: a serialized lambda whose signature names an
     * AWS SDK type cannot be read back once the SDK is relocated (the SQL connector jar).
     */
    final class DefaultChain implements CredentialsFactory {
        @Override
        public AwsCredentialsProvider create() {
            return DefaultCredentialsProvider.builder().build();
        }
    }

    /** Fixed keys, as a class for the same reason; its text shows the key id, never the secret. */
    final class StaticKeys implements CredentialsFactory {
        private final String accessKeyId;
        private final String secretAccessKey;

        StaticKeys(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
        }

        @Override
        public AwsCredentialsProvider create() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }

        @Override
        public String toString() {
            return "static keys " + accessKeyId;
        }
    }
}
