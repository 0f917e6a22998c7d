package io.shardline.connector.client;

import java.io.Serializable;
import org.apache.flink.annotation.PublicEvolving;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

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

    /** A named profile of the AWS shared config and credentials files ({@code ~/.aws/config}, {@code ~/.aws/credentials}). */
    static CredentialsFactory profile(String name) {
        return new Profile(name);
    }

    /**
     * A role assumed through STS in {@code region} with the credentials {@code source} makes, renewed
     * before they expire: for jobs that run under one identity and read or write another account's tables.
     */
    static CredentialsFactory assumeRole(String roleArn, String sessionName, String region, CredentialsFactory source) {
        return new AssumedRole(roleArn, sessionName, region, source);
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

        @Override
        public String toString() {
            return "the default credentials chain";
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

    /** A named profile, as a class for the same reason. */
    final class Profile implements CredentialsFactory {
        private final String name;

        Profile(String name) {
            this.name = name;
        }

        @Override
        public AwsCredentialsProvider create() {
            return ProfileCredentialsProvider.builder().profileName(name).build();
        }

        @Override
        public String toString() {
            return "profile " + name;
        }
    }

    /** An assumed role, as a class for the same reason. */
    final class AssumedRole implements CredentialsFactory {
        private final String roleArn;
        private final String sessionName;
        private final String region;
        private final CredentialsFactory source;

        AssumedRole(String roleArn, String sessionName, String region, CredentialsFactory source) {
            this.roleArn = roleArn;
            this.sessionName = sessionName;
            this.region = region;
            this.source = source;
        }

        @Override
        public AwsCredentialsProvider create() {
            StsClient sts = StsClient.builder()
                    .region(Region.of(region))
                    .credentialsProvider(source.create())
                    .build();
            return StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(request -> request.roleArn(roleArn).roleSessionName(sessionName))
                    .build();
        }

        @Override
        public String toString() {
            return "role " + roleArn + " (session " + sessionName + ") assumed with " + source;
        }
    }
}
