package io.shardline.engine.durability;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeDefinition;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.GlobalSecondaryIndex;
import io.shardline.engine.api.IndexProjection;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.testing.Items;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoNumber;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A child process for crash tests: opens a durable engine in {@code args[0]} with a table whose stream
 * has NEW_AND_OLD_IMAGES and a global index on the optional attribute {@code bucket}, and writes from
 * several threads until killed. After the engine acknowledges
 * a write that changed the item it prints "put KEY I" or "delete KEY I", I being the write's counter
 * (stored by puts as the item's version). Each thread owns its keys, which cycle so that some are
 * overwritten and some deleted.
 */
public final class CrashingWriter {
    static final int KEYS_PER_THREAD = 500;

    private CrashingWriter() {}

    /** Whether the writer's i-th write of a thread is a delete. */
    static boolean isDelete(long i) {
        return i % 7 == 6;
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.open(EngineConfig.durable(Path.of(args[0])));
        CreateTable.Request plain = Items.tableWithStream("Crash", 4, "NEW_AND_OLD_IMAGES", "id:S");
        List<AttributeDefinition> definitions = new ArrayList<>(plain.attributeDefinitions());
        definitions.add(new AttributeDefinition("bucket", "N"));
        engine.createTable(new CreateTable.Request(
                plain.tableName(),
                definitions,
                plain.keySchema(),
                plain.billingMode(),
                null,
                plain.tags(),
                plain.streamSpecification(),
                List.of(new GlobalSecondaryIndex(
                        "byBucket",
                        List.of(new KeySchemaElement("bucket", "HASH")),
                        new IndexProjection("ALL", null),
                        null)),
                null));
        PrintStream out = new PrintStream(System.out, true);
        out.println("ready");
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                Set<String> present = new HashSet<>();
                for (long i = 0; ; i++) {
                    String key = "t" + thread + "-" + (i % KEYS_PER_THREAD);
                    if (isDelete(i)) {
                        engine.deleteItem(DeleteItem.Request.of("Crash", Map.of("id", new AttributeValue.S(key))));
                        if (present.remove(key)) {
                            synchronized (out) {
                                out.println("delete " + key + " " + i);
                            }
                        }
                    } else {
                        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                                "id", new AttributeValue.S(key), "version", new AttributeValue.N(DynamoNumber.of(i))));
                        if (i % 3 != 0) {
                            item.put("bucket", new AttributeValue.N(DynamoNumber.of(i % 10)));
                        }
                        engine.putItem(PutItem.Request.of("Crash", item));
                        present.add(key);
                        synchronized (out) {
                            out.println("put " + key + " " + i);
                        }
                    }
                }
            });
            writer.start();
        }
    }
}
