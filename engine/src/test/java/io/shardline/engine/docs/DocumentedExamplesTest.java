package io.shardline.engine.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.GetItem;
import io.shardline.items.AttributeValue;
import io.shardline.engine.testing.DocumentedExamples;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java in docs/engine.md is the compiled code of {@link EngineExamples}, and it works. */
class DocumentedExamplesTest {
    private static final Path SOURCE = Path.of("src/test/java/io/shardline/engine/docs/EngineExamples.java");

    @Test
    void docsQuoteCompiledExamples() throws Exception {
        assertThat(DocumentedExamples.assertQuoted(Path.of("../docs/engine.md"), SOURCE)).contains("engine-embedded");
    }

    @Test
    void theEmbeddedExampleStoresAnItemDurably(@TempDir Path dir) {
        EngineExamples.embedded(dir);
        try (Engine engine = Engine.open(EngineConfig.durable(dir.resolve("data")))) {
            assertThat(engine.getItem(GetItem.Request.of("Players", Map.of("id", new AttributeValue.S("p1")))).item())
                    .isNotNull();
        }
    }
}
