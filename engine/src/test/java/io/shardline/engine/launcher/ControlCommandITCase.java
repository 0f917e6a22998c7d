package io.shardline.engine.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.testing.EngineProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The launcher's {@code control} command against an engine in its own process. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ControlCommandITCase {
    @TempDir
    Path dir;

    /** What one run printed, and its exit code. */
    private record Run(int exit, String out, String err) {}

    private static Run control(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ControlCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void eachActionAnswersInJsonAndMistakesSayWhat() throws Exception {
        try (EngineProcess engine = EngineProcess.start(dir.resolve("data"), "--rehearsal")) {
            String endpoint = engine.endpoint();
            Run missing = control("split", "--table", "Nope", "--endpoint", endpoint);
            assertThat(missing.exit()).isEqualTo(1);
            assertThat(missing.err()).contains("SplitPartition failed: ResourceNotFoundException");

            Run fault = control(
                    "fault",
                    "--operation",
                    "PutItem",
                    "--error",
                    "ThrottlingException",
                    "--count",
                    "2",
                    "--endpoint",
                    endpoint);
            assertThat(fault.exit()).as(fault.err()).isZero();
            assertThat(fault.out()).contains("\"Operation\" : \"PutItem\"", "\"Remaining\" : 2");
            assertThat(control("faults", "--endpoint", endpoint).out()).contains("THROTTLING");
            assertThat(control("clear-faults", "--endpoint", endpoint).exit()).isZero();
            assertThat(control("faults", "--endpoint", endpoint).out()).contains("\"Faults\" : [ ]");

            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                client.createTable(r -> r.tableName("Orders")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .keySchema(k -> k.attributeName("id").keyType("HASH")));
            }
            Run split = control("split", "--table", "Orders", "--partition", "0", "--endpoint", endpoint);
            assertThat(split.exit()).as(split.err()).isZero();
            assertThat(split.out()).contains("\"ParentPartitionId\" : 0");
            assertThat(control("partitions", "--table", "Orders", "--endpoint", endpoint)
                            .out())
                    .contains("\"Open\" : false");

            Run noTable = control("rollover", "--endpoint", endpoint);
            assertThat(noTable.exit()).isEqualTo(2);
            assertThat(noTable.err())
                    .contains(
                            "Missing required option: '--table=T'",
                            "Usage: java -jar shardline-engine.jar control rollover");

            Run durableClock = control("advance-clock", "--by", "2h", "--endpoint", endpoint);
            assertThat(durableClock.exit()).isEqualTo(1);
            assertThat(durableClock.err()).contains("This engine's clock cannot be moved");
            assertThat(control("clock", "--endpoint", endpoint).out()).contains("\"Adjustable\" : false");

            assertThat(control("--help").out()).contains("advance-clock", "Move a movable clock forward", "fault");
            assertThat(control("advance-clock", "--help").out()).contains("--by=DURATION");
            Run badDuration = control("advance-clock", "--by", "2", "--endpoint", endpoint);
            assertThat(badDuration.exit()).isEqualTo(2);
            assertThat(badDuration.err()).contains("--by", "'2'");
        }
    }

    @Test
    void underStrictAuthenticationOnlyCallsSignedByAnAdminKeyAreAnswered() throws Exception {
        Path credentials = dir.resolve("credentials.properties");
        Files.writeString(credentials, "admin=admin-secret\nreader=reader-secret\n");
        try (EngineProcess engine = EngineProcess.start(
                dir.resolve("data"),
                "--auth",
                "strict",
                "--credentials",
                credentials.toString(),
                "--admin-keys",
                "admin")) {
            String endpoint = engine.endpoint();
            Run unsigned = control("clock", "--endpoint", endpoint);
            assertThat(unsigned.exit()).isEqualTo(1);
            assertThat(unsigned.err()).contains("MissingAuthenticationToken");
            Run reader =
                    control("clock", "--endpoint", endpoint, "--access-key", "reader", "--secret-key", "reader-secret");
            assertThat(reader.exit()).isEqualTo(1);
            assertThat(reader.err()).contains("AccessDeniedException", "Access key reader is not an admin key");
            Run wrongSecret =
                    control("clock", "--endpoint", endpoint, "--access-key", "admin", "--secret-key", "guess");
            assertThat(wrongSecret.err()).contains("InvalidSignatureException");
            Run admin =
                    control("clock", "--endpoint", endpoint, "--access-key", "admin", "--secret-key", "admin-secret");
            assertThat(admin.exit()).as(admin.err()).isZero();
            assertThat(admin.out()).contains("\"NowMillis\"");
            Run noRehearsal = control(
                    "fault",
                    "--operation",
                    "PutItem",
                    "--error",
                    "ThrottlingException",
                    "--count",
                    "1",
                    "--endpoint",
                    endpoint,
                    "--access-key",
                    "admin",
                    "--secret-key",
                    "admin-secret");
            assertThat(noRehearsal.exit()).isEqualTo(1);
            assertThat(noRehearsal.err())
                    .contains("ValidationException", "This server runs without rehearsal", "--rehearsal");
        }
    }
}
