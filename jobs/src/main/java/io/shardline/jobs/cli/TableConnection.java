package io.shardline.jobs.cli;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import picocli.CommandLine.Option;

/** Command-line options naming the DynamoDB endpoint (Shardline's server or Amazon's) and credentials. */
public final class TableConnection {
    @Option(
            names = "--endpoint",
            description = "DynamoDB endpoint URL, or 'aws' for Amazon DynamoDB in the region "
                    + "(default: ${DEFAULT-VALUE})")
    public String endpoint = "http://127.0.0.1:8000";

    @Option(names = "--region", description = "AWS region (default: ${DEFAULT-VALUE})")
    public String region = "us-east-1";

    @Option(
            names = "--access-key",
            description =
                    "Access key id, or '' for the AWS SDK's default credentials " + "chain (default: ${DEFAULT-VALUE})")
    public String accessKey = "local";

    @Option(names = "--secret-key", description = "Secret access key (default: ${DEFAULT-VALUE})")
    public String secretKey = "local";

    @Option(
            names = "--aws-profile",
            description = "Credentials of this profile of the AWS config files instead " + "of --access-key")
    public String profile;

    @Option(
            names = "--aws-role-arn",
            description = "Assume this IAM role through STS, with the profile's "
                    + "credentials or else the default chain's, instead of --access-key")
    public String roleArn;

    @Option(
            names = "--aws-role-session",
            description = "Session name of the assumed role, as CloudTrail shows " + "it (default: ${DEFAULT-VALUE})")
    public String roleSession = "shardline";

    /** A connection given in code rather than on the command line. */
    public static TableConnection of(String endpoint, String region, String accessKey, String secretKey) {
        TableConnection connection = new TableConnection();
        connection.endpoint = endpoint;
        connection.region = region;
        connection.accessKey = accessKey;
        connection.secretKey = secretKey;
        return connection;
    }

    /** The client settings: static keys, or with a profile or a role given, those credentials instead. */
    public DynamoClientSettings settings() {
        return new DynamoClientSettings("aws".equals(endpoint) ? null : endpoint, region, credentials());
    }

    private CredentialsFactory credentials() {
        if (profile == null && roleArn == null) {
            return accessKey.isEmpty()
                    ? CredentialsFactory.defaultChain()
                    : CredentialsFactory.staticKeys(accessKey, secretKey);
        }
        CredentialsFactory base =
                profile == null ? CredentialsFactory.defaultChain() : CredentialsFactory.profile(profile);
        return roleArn == null ? base : CredentialsFactory.assumeRole(roleArn, roleSession, region, base);
    }
}
