package io.shardline.connector.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.testing.DocumentedExamples;
import java.nio.file.Path;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The Java in docs/connector.md is the compiled code of {@link ConnectorExamples}, and it builds. */
class DocumentedExamplesTest {
    private static final Path SOURCE = Path.of("src/test/java/io/shardline/connector/docs/ConnectorExamples.java");

    @Test
    void docsQuoteCompiledExamples() throws Exception {
        assertThat(DocumentedExamples.assertQuoted(Path.of("../docs/connector.md"), SOURCE))
                .containsExactly("connector-source", "connector-sink");
    }

    @Test
    void theExamplesBuildASourceAndASink() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(ConnectorExamples.source(env).getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(ConnectorExamples.sink(env.fromData(new ConnectorExamples.Score("ada", 3, 1)))).isNotNull();
    }
}
