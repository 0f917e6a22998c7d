package io.shardline.engine.durability;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.DynamoNumber;
import io.shardline.engine.testing.Items;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child process for crash tests: opens a durable engine in {@code args[0]} and writes from several
 * threads until killed, printing "put KEY I" or "delete KEY I" (I the write's counter, stored as version by puts) only after the engine acknowledged
 * the write. Keys cycle so that some are overwritten and some deleted.
 */
public final class CrashingWriter {
    static final int KEYS_PER_THREAD = 500;

    private CrashingWriter() {
    }

    /** Whether the writer's i-th write of a thread is a delete. */
    static boolean isDelete(long i) {
        return i % 7 == 6;
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.open(EngineConfig.durable(Path.of(args[0])));
        CreateTable.Request table = Items.table("Crash", 4, "id:S");
        engine.createTable(table);
        PrintStream out = new PrintStream(System.out, true);
        out.println("ready");
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String key = "t" + thread + "-" + (i % KEYS_PER_THREAD);
                    if (isDelete(i)) {
                        engine.deleteItem(DeleteItem.Request.of("Crash", Map.of("id", new AttributeValue.S(key))));
                        synchronized (out) {
                            out.println("delete " + key + " " + i);
                        }
                    } else {
                        engine.putItem(PutItem.Request.of("Crash", Map.of("id", new AttributeValue.S(key),
                                "version", new AttributeValue.N(DynamoNumber.of(i)))));
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
