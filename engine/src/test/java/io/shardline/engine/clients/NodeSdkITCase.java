package io.shardline.engine.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.testing.ClientScript;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code src/test/node/sdk_v3_clients.mjs} with Node.js and the AWS SDK for JavaScript v3 from
 * npm (both installed by the build into {@code target/node-clients}) against a real server: the
 * low-level client's CRUD and transactions, lib-dynamodb's DocumentClient, and the Streams client
 * reading what they wrote.
 */
class NodeSdkITCase {
    private static final Path NODE = Path.of("/usr/bin/node");
    private static final Path SCRIPT = Path.of("target/node-clients/sdk_v3_clients.mjs");

    @Test
    @Timeout(180)
    void theJavaScriptSdkWritesReadsTransactsAndReadsTheStream() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.inMemory());
                ShardlineServer server = ShardlineServer.start(engine, ServerConfig.loopback(0), Clock.systemUTC())) {
            ClientScript.Result result = ClientScript.run(NODE, SCRIPT, Duration.ofSeconds(120), server.endpoint());
            assertThat(result.output()).contains(", 0 problems");
            assertThat(result.exit()).as(result.output()).isZero();
        }
    }
}
