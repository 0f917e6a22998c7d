package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.testing.ClientScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code src/test/python/model_walk.py} with Debian's python3-boto3 against a real server: every
 * input member of every operation of the DynamoDB and DynamoDB Streams models boto3 ships is sent, and
 * every operation and every member the engine refuses by name must be the ones docs/engine.md lists.
 */
class ServiceModelWalkITCase {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/model_walk.py");
    private static final Path DOCS = Path.of("../docs/engine.md");

    @Test
    @Timeout(180)
    void everyOperationAndRefusedMemberOfTheModelIsDocumented() throws Exception {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        try (ServerFixture fixture = ServerFixture.open()) {
            ClientScript.Result walk =
                    ClientScript.run(PYTHON, SCRIPT, Duration.ofSeconds(150), fixture.server.endpoint());
            assertThat(walk.exit()).as(walk.output()).isZero();
            List<String> lines = walk.output().lines().toList();
            List<String> operations = lines.stream()
                    .filter(line -> line.startsWith("OPERATION "))
                    .map(line -> line.substring("OPERATION ".length()))
                    .toList();
            assertThat(operations).as("the models' operations").hasSizeGreaterThan(50);
            assertThat(operations).as("operations docs/engine.md does not name").allMatch(docs::contains);
            List<String> refusals =
                    lines.stream().filter(line -> line.startsWith("REFUSED ")).toList();
            assertThat(refusals)
                    .as("requests the walk could not make or that got no answer")
                    .noneMatch(line -> line.contains("the walk made an invalid request") || line.contains("no answer"));
            List<String> refusedMembers = refusals.stream()
                    .map(line -> line.split(" "))
                    .filter(parts -> !parts[2].equals("*:"))
                    .map(parts -> "`" + parts[1] + "." + parts[2].replace(":", "") + "`")
                    .toList();
            assertThat(refusedMembers)
                    .as("members refused by name that docs/engine.md does not list")
                    .allMatch(docs::contains);
            assertThat(lines.get(lines.size() - 1)).startsWith("model walk: ");
        }
    }
}
