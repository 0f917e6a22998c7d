package io.shardline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class TableConnectionTest {
    @TempDir
    Path dir;

    private static DynamoClientSettings parse(String... arguments) {
        TableConnection connection = new TableConnection();
        new CommandLine(connection).parseArgs(arguments);
        return connection.settings();
    }

    /** The factory as a task manager gets it: serialized with the job, read back there. */
    private static CredentialsFactory shipped(CredentialsFactory factory) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CredentialsFactory) in.readObject();
        }
    }

    @Test
    void theEngineWithLocalKeysByDefaultAndAmazonWithTheSdkChainForAnEmptyKey() throws Exception {
        DynamoClientSettings local = parse();
        assertThat(local.endpoint()).isEqualTo("http://127.0.0.1:8000");
        AwsCredentials keys = shipped(local.credentials()).create().resolveCredentials();
        assertThat(keys.accessKeyId()).isEqualTo("local");
        assertThat(keys.secretAccessKey()).isEqualTo("local");

        DynamoClientSettings amazon = parse("--endpoint", "aws", "--region", "eu-west-1", "--access-key", "");
        assertThat(amazon.endpoint()).as("the SDK's endpoint for the region").isNull();
        assertThat(amazon.region()).isEqualTo("eu-west-1");
        assertThat(shipped(amazon.credentials()).create()).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void aProfileGivesTheKeysOfThatProfileOfTheSharedCredentialsFile() throws Exception {
        Path credentials = Files.writeString(
                dir.resolve("credentials"),
                String.join(
                        "\n",
                        "[default]",
                        "aws_access_key_id = AKIADEFAULT",
                        "aws_secret_access_key = default-secret",
                        "[analytics]",
                        "aws_access_key_id = AKIAANALYTICS",
                        "aws_secret_access_key = analytics-secret",
                        ""));
        Path config = Files.writeString(dir.resolve("config"), "");
        String savedCredentials = System.getProperty("aws.sharedCredentialsFile");
        String savedConfig = System.getProperty("aws.configFile");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
        try {
            CredentialsFactory factory = shipped(
                    parse("--endpoint", "aws", "--aws-profile", "analytics").credentials());
            assertThat(factory).hasToString("profile analytics");
            AwsCredentialsProvider provider = factory.create();
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIAANALYTICS");
            assertThat(provider.resolveCredentials().secretAccessKey()).isEqualTo("analytics-secret");
        } finally {
            restore("aws.sharedCredentialsFile", savedCredentials);
            restore("aws.configFile", savedConfig);
        }
    }

    @Test
    void aRoleIsAssumedThroughStsWithTheProfileOrTheDefaultChainAsItsSource() throws Exception {
        String role = "arn:aws:iam::123456789012:role/shardline-replicate";
        CredentialsFactory fromProfile = shipped(parse(
                        "--endpoint",
                        "aws",
                        "--region",
                        "eu-west-1",
                        "--aws-profile",
                        "analytics",
                        "--aws-role-arn",
                        role,
                        "--aws-role-session",
                        "nightly-copy")
                .credentials());
        assertThat(fromProfile).hasToString("role " + role + " (session nightly-copy) assumed with profile analytics");
        CredentialsFactory fromChain =
                shipped(parse("--endpoint", "aws", "--aws-role-arn", role).credentials());
        assertThat(fromChain)
                .hasToString("role " + role + " (session shardline) assumed with the default credentials " + "chain");
        AwsCredentialsProvider provider = fromChain.create();
        try {
            assertThat(provider).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
        } finally {
            ((SdkAutoCloseable) provider).close();
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
