package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.engine.testing.Items;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the real server: valid requests of every kind mutated at random (members of the wrong
 * type, deep nesting, grammar-aware garbage expressions, invalid UTF-8, truncated and random
 * bodies). Every answer must be a success or a DynamoDB-shaped client error (never a 500, never a
 * hang), and a normal request must still work at the end. The seed is printed and named on failure;
 * rerun one with {@code -Dfuzz.seed=N}.
 */
class WireFuzzITCase {
    private static final int REQUESTS = 3000;
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
    private static final List<String> EXPRESSION_TOKENS = List.of(
            "a",
            "b",
            "#n",
            ":v",
            ":w",
            "size(",
            ")",
            "(",
            " AND ",
            " OR ",
            "NOT ",
            " = ",
            " <> ",
            " < ",
            " >= ",
            " BETWEEN ",
            " IN ",
            ", ",
            "attribute_exists(",
            "attribute_type(",
            "begins_with(",
            "contains(",
            "SET ",
            "REMOVE ",
            "ADD ",
            "DELETE ",
            " + ",
            " - ",
            "if_not_exists(",
            "list_append(",
            "[0]",
            "[99999999999]",
            ".c",
            "status",
            "\u00e9",
            "\u0000",
            "\"",
            "\\");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServerFixture fixture;
    private String streamArn;

    @BeforeEach
    void start() {
        fixture = ServerFixture.open();
        streamArn = fixture.engine
                .createTable(Items.tableWithStream("Fuzzed", 2, "NEW_AND_OLD_IMAGES", "pk:S", "sk:N"))
                .tableDescription()
                .latestStreamArn();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    @Timeout(300)
    void everyMutatedRequestGetsASuccessOrADynamoDbErrorInTime() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("WireFuzzITCase seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<ObjectNode[]> templates = templates();
        int successes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            ObjectNode[] template = templates.get(random.nextInt(templates.size()));
            String target = template[0].get("target").asText();
            byte[] body = mutate(template[1].deepCopy(), random);
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(fixture.endpoint())
                            .timeout(ANSWER_BOUND)
                            .header("X-Amz-Target", target)
                            .header("Authorization", RawHttp.SIGNATURE)
                            .header("Content-Type", "application/x-amz-json-1.0")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String context = "seed " + seed + ", request " + i + ": " + target + " "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8) + " -> "
                    + answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8);
            assertThat(answer.statusCode()).as(context).isIn(200, 400);
            JsonNode parsed = json.readTree(answer.body());
            assertThat(parsed).as(context).isNotNull();
            if (answer.statusCode() == 400) {
                assertThat(parsed.path("__type").asText()).as(context).contains("#");
                assertThat(parsed.hasNonNull("message")).as(context).isTrue();
            } else {
                successes++;
            }
        }
        System.out.println("WireFuzzITCase: " + REQUESTS + " requests, " + successes + " succeeded, the rest refused");
        HttpResponse<String> normal = http.send(
                HttpRequest.newBuilder(fixture.endpoint())
                        .timeout(ANSWER_BOUND)
                        .header("X-Amz-Target", "DynamoDB_20120810.DescribeTable")
                        .header("Authorization", RawHttp.SIGNATURE)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"Fuzzed\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(normal.statusCode()).as("seed " + seed).isEqualTo(200);
    }

    /** Valid requests of many operations: {target, body}. */
    private List<ObjectNode[]> templates() throws Exception {
        String shard = fixture.engine
                .describeStream(io.shardline.engine.api.DescribeStream.Request.of(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String[][] raw = {
            {
                "DynamoDB_20120810.PutItem",
                "{\"TableName\":\"Fuzzed\",\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},"
                        + "\"m\":{\"M\":{\"l\":{\"L\":[{\"N\":\"1\"},{\"SS\":[\"x\",\"y\"]}]}}}},"
                        + "\"ConditionExpression\":\"attribute_not_exists(#n) OR size(m) > :v\","
                        + "\"ExpressionAttributeNames\":{\"#n\":\"pk\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"0\"}}}"
            },
            {
                "DynamoDB_20120810.UpdateItem",
                "{\"TableName\":\"Fuzzed\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},"
                        + "\"UpdateExpression\":\"SET #n = if_not_exists(#n, :v) + :v REMOVE b\","
                        + "\"ExpressionAttributeNames\":{\"#n\":\"count\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}},"
                        + "\"ReturnValues\":\"ALL_NEW\"}"
            },
            {
                "DynamoDB_20120810.GetItem",
                "{\"TableName\":\"Fuzzed\",\"Key\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},"
                        + "\"ConsistentRead\":true,\"ProjectionExpression\":\"m.l[0], #n\","
                        + "\"ExpressionAttributeNames\":{\"#n\":\"count\"}}"
            },
            {
                "DynamoDB_20120810.DeleteItem",
                "{\"TableName\":\"Fuzzed\",\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"}},"
                        + "\"ReturnValues\":\"ALL_OLD\"}"
            },
            {
                "DynamoDB_20120810.Query",
                "{\"TableName\":\"Fuzzed\",\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
                        + "\"FilterExpression\":\"contains(m.l, :x)\",\"Limit\":5,\"ScanIndexForward\":false,"
                        + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"},\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"9\"},\":x\":{\"N\":\"1\"}}}"
            },
            {
                "DynamoDB_20120810.Scan",
                "{\"TableName\":\"Fuzzed\",\"Segment\":0,\"TotalSegments\":2,\"Limit\":10," + "\"Select\":\"COUNT\"}"
            },
            {
                "DynamoDB_20120810.BatchWriteItem",
                "{\"RequestItems\":{\"Fuzzed\":[{\"PutRequest\":{\"Item\":"
                        + "{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"3\"},\"b\":{\"B\":\"AAE=\"}}}},{\"DeleteRequest\":{\"Key\":"
                        + "{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"4\"}}}}]}}"
            },
            {
                "DynamoDB_20120810.TransactWriteItems",
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"Fuzzed\",\"Item\":"
                        + "{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"1\"}}}},{\"ConditionCheck\":{\"TableName\":\"Fuzzed\",\"Key\":"
                        + "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}}]}"
            },
            {
                "DynamoDB_20120810.CreateTable",
                "{\"TableName\":\"Made\",\"AttributeDefinitions\":[{\"AttributeName\":\"id\","
                        + "\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                        + "\"BillingMode\":\"PAY_PER_REQUEST\"}"
            },
            {"DynamoDB_20120810.DescribeTable", "{\"TableName\":\"Fuzzed\"}"},
            {
                "DynamoDBStreams_20120810.GetShardIterator",
                "{\"StreamArn\":\"" + streamArn + "\",\"ShardId\":\"" + shard
                        + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}"
            },
            {"DynamoDBStreams_20120810.DescribeStream", "{\"StreamArn\":\"" + streamArn + "\",\"Limit\":10}"},
        };
        List<ObjectNode[]> templates = new ArrayList<>();
        for (String[] pair : raw) {
            ObjectNode target = JsonNodeFactory.instance.objectNode().put("target", pair[0]);
            templates.add(new ObjectNode[] {target, (ObjectNode) json.readTree(pair[1])});
        }
        return templates;
    }

    /** One mutation of a valid body, as bytes (some mutations are not JSON at all). */
    private byte[] mutate(ObjectNode body, Random random) throws Exception {
        switch (random.nextInt(10)) {
            case 0 -> {
                return body.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                byte[] valid = body.toString().getBytes(StandardCharsets.UTF_8);
                return java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            case 2 -> {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                return noise;
            }
            case 3 -> {
                byte[] valid = body.toString().getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    valid[random.nextInt(valid.length)] = (byte) (0x80 + random.nextInt(0x80));
                }
                return valid;
            }
            default -> {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    mutateTree(body, random);
                }
                return json.writeValueAsBytes(body);
            }
        }
    }

    /** Replaces, removes or adds one member somewhere in the tree. */
    private void mutateTree(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(5) == 0
                    ? "Unknown" + random.nextInt(3)
                    : names.get(random.nextInt(names.size()));
            if (random.nextInt(6) == 0) {
                object.remove(name);
            } else {
                object.set(name, randomValue(random, object.get(name)));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomValue(random, null));
            } else {
                array.set(random.nextInt(array.size()), randomValue(random, null));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), containers);
            }
        }
    }

    /** A value of some JSON type, often not the one the member wants; expressions come from a token grammar. */
    private JsonNode randomValue(Random random, JsonNode previous) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(12)) {
            case 0 -> f.textNode("");
            case 1 -> f.numberNode(random.nextInt(3) == 0 ? 1.5 : random.nextInt(2001) - 1000);
            case 2 -> f.booleanNode(random.nextBoolean());
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode().add(previous == null ? f.textNode("x") : previous);
            case 5 -> {
                ObjectNode deep = f.objectNode().put("S", "x");
                for (int i = 0; i < 1 + random.nextInt(60); i++) {
                    deep = f.objectNode()
                            .set(
                                    random.nextBoolean() ? "M" : "L",
                                    random.nextBoolean()
                                            ? f.objectNode().set("k", deep)
                                            : f.arrayNode().add(deep));
                }
                yield deep;
            }
            case 6 -> f.textNode(" " + random.nextInt(100));
            case 7 -> f.textNode("x".repeat(random.nextInt(5000)));
            default -> f.textNode(expression(random));
        };
    }

    private static String expression(Random random) {
        StringBuilder text = new StringBuilder();
        int tokens = random.nextInt(10) == 0 ? 2000 : 1 + random.nextInt(40);
        for (int i = 0; i < tokens; i++) {
            text.append(EXPRESSION_TOKENS.get(random.nextInt(EXPRESSION_TOKENS.size())));
        }
        return text.toString();
    }
}
