package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        assertThat(PYTHON).as("Debian's python3 with python3-boto3, installed by the build").isExecutable();
        try (ServerFixture fixture = ServerFixture.open()) {
            Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), fixture.server.endpoint())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the session ends").isTrue();
            System.out.println(output);
            assertThat(output).contains(", 0 problems");
            assertThat(process.exitValue()).as(output).isZero();
        }
    }
}
