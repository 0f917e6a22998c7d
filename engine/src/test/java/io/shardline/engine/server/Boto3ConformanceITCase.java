package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.testing.ClientScript;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code src/test/python/boto3_conformance.py} with Debian's python3-boto3 (installed by the
 * build) against a real server: a session over indexes, tags, the describe calls and the stream in
 * which every answer is checked against the DynamoDB and DynamoDB Streams service models boto3 ships.
 */
class Boto3ConformanceITCase {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/python/boto3_conformance.py");

    @Test
    @Timeout(180)
    void everyAnswerOfABoto3SessionFitsTheServiceModels() throws Exception {
        try (ServerFixture fixture = ServerFixture.open()) {
            ClientScript.Result result =
                    ClientScript.run(PYTHON, SCRIPT, Duration.ofSeconds(120), fixture.server.endpoint());
            System.out.println(result.output());
            assertThat(result.output()).contains(", 0 problems");
            assertThat(result.exit()).as(result.output()).isZero();
        }
    }
}
