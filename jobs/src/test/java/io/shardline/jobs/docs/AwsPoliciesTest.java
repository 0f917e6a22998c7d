package io.shardline.jobs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The IAM policies in docs/aws are well-formed policy documents that name real DynamoDB actions on
 * resources of the right kind, and docs/aws.md shows each. (What each job calls is held against its
 * policy by {@code StandaloneClusterITCase}.)
 */
class AwsPoliciesTest {
    private static final Path POLICIES = Path.of("../docs/aws");
    private static final Set<String> STREAM_ACTIONS = Set.of("DescribeStream", "GetShardIterator", "GetRecords",
            "ListStreams");

    private static List<Path> policies() throws IOException {
        try (Stream<Path> files = Files.list(POLICIES)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-policy.json")).sorted().toList();
        }
    }

    /** The operations the AWS SDK's DynamoDB and DynamoDB Streams clients offer, by their API names. */
    private static Set<String> dynamoDbOperations() {
        Set<String> operations = new HashSet<>();
        for (Class<?> client : List.of(DynamoDbClient.class, DynamoDbStreamsClient.class)) {
            for (Method method : client.getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length == 1 && parameters[0].getSimpleName().endsWith("Request")) {
                    operations.add(parameters[0].getSimpleName().replaceFirst("Request$", ""));
                }
            }
        }
        return operations;
    }

    @Test
    void everyJobsPolicyAllowsRealDynamoDbActionsOnTablesAndStreams() throws IOException {
        Set<String> operations = dynamoDbOperations();
        assertThat(operations).contains("GetRecords", "PutItem", "Scan", "DescribeTimeToLive");
        List<Path> policies = policies();
        assertThat(policies).extracting(path -> path.getFileName().toString()).containsExactly(
                "archive-policy.json", "game-metrics-policy.json", "index-policy.json", "replicate-policy.json",
                "restore-policy.json", "verify-policy.json");
        for (Path path : policies) {
            JsonNode policy = new ObjectMapper().readTree(path.toFile());
            assertThat(policy.path("Version").asText()).as(path.toString()).isEqualTo("2012-10-17");
            assertThat(policy.path("Statement").isArray() && !policy.path("Statement").isEmpty()).as(path.toString())
                    .isTrue();
            Set<String> sids = new HashSet<>();
            for (JsonNode statement : policy.path("Statement")) {
                String where = path.getFileName() + " " + statement.path("Sid").asText();
                assertThat(sids.add(statement.path("Sid").asText())).as(where + ": Sids are unique").isTrue();
                assertThat(statement.path("Sid").asText()).as(where).matches("[A-Za-z0-9]+");
                assertThat(statement.path("Effect").asText()).as(where).isEqualTo("Allow");
                List<String> actions = texts(statement.path("Action"));
                List<String> resources = texts(statement.path("Resource"));
                assertThat(actions).as(where).isNotEmpty();
                assertThat(resources).as(where).isNotEmpty();
                for (String action : actions) {
                    if (action.startsWith("dynamodb:")) {
                        String operation = action.substring("dynamodb:".length());
                        assertThat(operations).as(where + ": " + action + " is an operation of DynamoDB").contains(operation);
                        assertThat(resources).as(where + ": " + action + " applies to " + (STREAM_ACTIONS.contains(operation)
                                ? "streams" : "tables")).allMatch(resource -> resource.matches(
                                "arn:aws:dynamodb:REGION:ACCOUNT:table/[A-Za-z0-9_.-]+"
                                        + (STREAM_ACTIONS.contains(operation) ? "/stream/\\*" : "")));
                    } else {
                        assertThat(action).as(where).matches("s3:[A-Z][A-Za-z]+");
                        assertThat(resources).as(where).allMatch(resource -> resource.matches("arn:aws:s3:::BUCKET(/.+)?"));
                    }
                }
            }
        }
    }

    @Test
    void theAmazonGuideShowsEveryPolicy() throws IOException {
        String guide = Files.readString(Path.of("../docs/aws.md"));
        for (Path path : policies()) {
            assertThat(guide).contains("aws/" + path.getFileName());
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
