package io.shardline.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted AWS CLI v2 session (Debian's awscli, installed by the build) against a real server: tables,
 * items and the stream, asserting on the CLI's JSON output.
 */
@Timeout(240)
class AwsCliConformanceITCase {
    private static final Path AWS = Path.of("/usr/bin/aws");

    private final ObjectMapper json = new ObjectMapper();
    private ServerFixture fixture;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        fixture = ServerFixture.open();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JsonNode aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                AWS.toString(),
                "--endpoint-url",
                fixture.server.endpoint(),
                "--region",
                "us-east-1",
                "--output",
                "json",
                "--no-cli-pager"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", home.toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", args) + " failed: " + err);
        return out.length == 0 ? json.nullNode() : json.readTree(out);
    }

    @Test
    void scriptedCliSessionOverTablesItemsAndTheStream() throws Exception {
        assertTrue(
                Files.isExecutable(AWS),
                "the build installs Debian's awscli (src/test/scripts/install-debian-package.sh)");
        JsonNode created = aws(
                "dynamodb",
                "create-table",
                "--table-name",
                "CliTable",
                "--attribute-definitions",
                "AttributeName=pk,AttributeType=S",
                "AttributeName=sk,AttributeType=N",
                "--key-schema",
                "AttributeName=pk,KeyType=HASH",
                "AttributeName=sk,KeyType=RANGE",
                "--billing-mode",
                "PAY_PER_REQUEST",
                "--stream-specification",
                "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
        assertEquals("ACTIVE", created.at("/TableDescription/TableStatus").asText());
        String streamArn = created.at("/TableDescription/LatestStreamArn").asText();
        aws(
                "dynamodb",
                "put-item",
                "--table-name",
                "CliTable",
                "--item",
                "{\"pk\":{\"S\":\"user1\"},\"sk\":{\"N\":\"1\"},\"name\":{\"S\":\"Ada\"}}");
        aws(
                "dynamodb",
                "put-item",
                "--table-name",
                "CliTable",
                "--item",
                "{\"pk\":{\"S\":\"user1\"},\"sk\":{\"N\":\"2\"},\"name\":{\"S\":\"Grace\"}}");
        JsonNode updated = aws(
                "dynamodb",
                "update-item",
                "--table-name",
                "CliTable",
                "--key",
                "{\"pk\":{\"S\":\"user1\"},\"sk\":{\"N\":\"1\"}}",
                "--update-expression",
                "SET visits = :one",
                "--expression-attribute-values",
                "{\":one\":{\"N\":\"1\"}}",
                "--return-values",
                "ALL_NEW");
        assertEquals("1", updated.at("/Attributes/visits/N").asText());
        JsonNode queried = aws(
                "dynamodb",
                "query",
                "--table-name",
                "CliTable",
                "--key-condition-expression",
                "pk = :p",
                "--expression-attribute-values",
                "{\":p\":{\"S\":\"user1\"}}");
        assertEquals(2, queried.get("Count").asInt());
        assertEquals("Ada", queried.at("/Items/0/name/S").asText());
        JsonNode scanned = aws("dynamodb", "scan", "--table-name", "CliTable");
        assertEquals(2, scanned.get("Count").asInt());
        aws(
                "dynamodb",
                "delete-item",
                "--table-name",
                "CliTable",
                "--key",
                "{\"pk\":{\"S\":\"user1\"},\"sk\":{\"N\":\"2\"}}");
        assertEquals(
                1,
                aws("dynamodb", "scan", "--table-name", "CliTable").get("Count").asInt());

        JsonNode streams = aws("dynamodbstreams", "list-streams", "--table-name", "CliTable");
        assertEquals(streamArn, streams.at("/Streams/0/StreamArn").asText());
        JsonNode described = aws("dynamodbstreams", "describe-stream", "--stream-arn", streamArn);
        assertEquals("ENABLED", described.at("/StreamDescription/StreamStatus").asText());
        List<String> events = new ArrayList<>();
        for (JsonNode shard : described.at("/StreamDescription/Shards")) {
            String iterator = aws(
                            "dynamodbstreams",
                            "get-shard-iterator",
                            "--stream-arn",
                            streamArn,
                            "--shard-id",
                            shard.get("ShardId").asText(),
                            "--shard-iterator-type",
                            "TRIM_HORIZON")
                    .get("ShardIterator")
                    .asText();
            for (JsonNode record : aws("dynamodbstreams", "get-records", "--shard-iterator", iterator)
                    .get("Records")) {
                events.add(record.get("eventName").asText() + " "
                        + record.at("/dynamodb/Keys/sk/N").asText());
            }
        }
        events.sort(null);
        assertEquals(List.of("INSERT 1", "INSERT 2", "MODIFY 1", "REMOVE 2"), events);
    }

    @Test
    void cliSessionOverIndexesTagsDescribeCallsAndAResumedStream() throws Exception {
        JsonNode created = aws(
                "dynamodb",
                "create-table",
                "--table-name",
                "CliIndexed",
                "--attribute-definitions",
                "AttributeName=pk,AttributeType=S",
                "AttributeName=kind,AttributeType=S",
                "AttributeName=rank,AttributeType=N",
                "--key-schema",
                "AttributeName=pk,KeyType=HASH",
                "--global-secondary-indexes",
                "[{\"IndexName\":\"byKind\",\"KeySchema\":[{\"AttributeName\":\"kind\","
                        + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"rank\",\"KeyType\":\"RANGE\"}],"
                        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]",
                "--billing-mode",
                "PAY_PER_REQUEST",
                "--tags",
                "Key=team,Value=cli",
                "Key=shardline:partitions,Value=1",
                "--stream-specification",
                "StreamEnabled=true,StreamViewType=KEYS_ONLY");
        assertEquals(
                "byKind",
                created.at("/TableDescription/GlobalSecondaryIndexes/0/IndexName")
                        .asText());
        String tableArn = created.at("/TableDescription/TableArn").asText();
        String streamArn = created.at("/TableDescription/LatestStreamArn").asText();
        for (int i = 0; i < 4; i++) {
            aws(
                    "dynamodb",
                    "put-item",
                    "--table-name",
                    "CliIndexed",
                    "--item",
                    "{\"pk\":{\"S\":\"k" + i + "\"},\"kind\":{\"S\":\"card\"},\"rank\":{\"N\":\"" + (10 - i) + "\"}}");
        }
        JsonNode byKind = aws(
                "dynamodb",
                "query",
                "--table-name",
                "CliIndexed",
                "--index-name",
                "byKind",
                "--key-condition-expression",
                "kind = :k",
                "--expression-attribute-values",
                "{\":k\":{\"S\":\"card\"}}");
        assertEquals(List.of("k3", "k2", "k1", "k0"), texts(byKind.get("Items"), "/pk/S"));
        assertEquals(
                4,
                aws("dynamodb", "describe-table", "--table-name", "CliIndexed")
                        .at("/Table/GlobalSecondaryIndexes/0/ItemCount")
                        .asInt());

        aws(
                "dynamodb",
                "update-table",
                "--table-name",
                "CliIndexed",
                "--attribute-definitions",
                "AttributeName=pk,AttributeType=S",
                "--global-secondary-index-updates",
                "[{\"Create\":{\"IndexName\":\"byPk\",\"KeySchema\":"
                        + "[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!aws("dynamodb", "describe-table", "--table-name", "CliIndexed")
                .at("/Table/GlobalSecondaryIndexes/1/IndexStatus")
                .asText()
                .equals("ACTIVE")) {
            assertTrue(System.nanoTime() < deadline, "byPk became ACTIVE in time");
        }
        assertEquals(
                4,
                aws(
                                        "dynamodb",
                                        "scan",
                                        "--table-name",
                                        "CliIndexed",
                                        "--index-name",
                                        "byPk",
                                        "--total-segments",
                                        "2",
                                        "--segment",
                                        "0")
                                .get("ScannedCount")
                                .asInt()
                        + aws(
                                        "dynamodb",
                                        "scan",
                                        "--table-name",
                                        "CliIndexed",
                                        "--index-name",
                                        "byPk",
                                        "--total-segments",
                                        "2",
                                        "--segment",
                                        "1")
                                .get("ScannedCount")
                                .asInt());
        aws(
                "dynamodb",
                "update-table",
                "--table-name",
                "CliIndexed",
                "--global-secondary-index-updates",
                "[{\"Delete\":{\"IndexName\":\"byPk\"}}]");
        assertEquals(
                1,
                aws("dynamodb", "describe-table", "--table-name", "CliIndexed")
                        .at("/Table/GlobalSecondaryIndexes")
                        .size());

        aws("dynamodb", "tag-resource", "--resource-arn", tableArn, "--tags", "Key=env,Value=ci");
        aws("dynamodb", "untag-resource", "--resource-arn", tableArn, "--tag-keys", "team");
        JsonNode tags = aws("dynamodb", "list-tags-of-resource", "--resource-arn", tableArn);
        assertEquals(List.of("shardline:partitions", "env"), texts(tags.get("Tags"), "/Key"));
        assertEquals(
                "DISABLED",
                aws("dynamodb", "describe-continuous-backups", "--table-name", "CliIndexed")
                        .at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription/PointInTimeRecoveryStatus")
                        .asText());
        assertTrue(aws("dynamodb", "describe-limits")
                        .get("AccountMaxReadCapacityUnits")
                        .asLong()
                > 0);
        assertEquals(
                fixture.server.endpoint(),
                "http://"
                        + aws("dynamodb", "describe-endpoints")
                                .at("/Endpoints/0/Address")
                                .asText());

        String shard = aws("dynamodbstreams", "describe-stream", "--stream-arn", streamArn)
                .at("/StreamDescription/Shards/0/ShardId")
                .asText();
        String iterator = aws(
                        "dynamodbstreams",
                        "get-shard-iterator",
                        "--stream-arn",
                        streamArn,
                        "--shard-id",
                        shard,
                        "--shard-iterator-type",
                        "TRIM_HORIZON")
                .get("ShardIterator")
                .asText();
        JsonNode records = aws("dynamodbstreams", "get-records", "--shard-iterator", iterator)
                .get("Records");
        String second = records.get(1).at("/dynamodb/SequenceNumber").asText();
        for (String type : List.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER")) {
            String resumed = aws(
                            "dynamodbstreams",
                            "get-shard-iterator",
                            "--stream-arn",
                            streamArn,
                            "--shard-id",
                            shard,
                            "--shard-iterator-type",
                            type,
                            "--sequence-number",
                            second)
                    .get("ShardIterator")
                    .asText();
            List<String> keys = texts(
                    aws("dynamodbstreams", "get-records", "--shard-iterator", resumed)
                            .get("Records"),
                    "/dynamodb/Keys/pk/S");
            assertEquals(type.startsWith("AT") ? List.of("k1", "k2", "k3") : List.of("k2", "k3"), keys, type);
        }
    }

    private static List<String> texts(JsonNode array, String pointer) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.at(pointer).asText()));
        return texts;
    }
}
