package io.shardline.engine.docs;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.items.AttributeValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The examples docs/engine.md quotes, compiled and run by {@link DocumentedExamplesTest}. */
final class EngineExamples {
    private EngineExamples() {
    }

    static void embedded(Path dataDir) {
        Path data = dataDir.resolve("data");
        // example: engine-embedded
        try (Engine engine = Engine.open(EngineConfig.durable(data))) {
            engine.createTable(new CreateTable.Request("Players",
                    List.of(new AttributeDefinition("id", "S")), List.of(new KeySchemaElement("id", "HASH")),
                    "PAY_PER_REQUEST", null, null, null));
            engine.putItem(PutItem.Request.of("Players", Map.of("id", new AttributeValue.S("p1"))));
        }
        // end example
    }
}
