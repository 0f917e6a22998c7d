package io.shardline.connector.source;

import io.shardline.connector.testing.EngineServerResource;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestExternalSystem;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SourceTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Timeout;

/**
 * Flink's connector test suite (single and multiple splits, savepoint, scale up and down, metrics,
 * idle reader, TaskManager failure) for the source, exactly once, against a real engine server.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShardlineSourceTestSuiteITCase extends SourceTestSuiteBase<String> {
    @TestEnv
    MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestExternalSystem
    EngineServerResource server = new EngineServerResource();

    @TestContext
    ExternalContextFactory<TableStreamsExternalContext> tables = testName -> new TableStreamsExternalContext(server);

    @TestSemantics
    CheckpointingMode[] semantics = {CheckpointingMode.EXACTLY_ONCE};
}
