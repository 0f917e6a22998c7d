package io.shardline.items.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * A DynamoDB-compatible endpoint started inside this JVM, on 127.0.0.1. The engine provides it; code
 * that only needs an endpoint to talk to (the demo) finds it on the class path through
 * {@link ServiceLoader}, so it depends on the engine at run time only, never at compile time.
 */
public interface LocalTableService extends AutoCloseable {
    /** The endpoint's URL, such as {@code http://127.0.0.1:8000}. */
    String endpoint();

    /** Stops serving and closes the tables. */
    @Override
    void close() throws Exception;

    /** What starts a {@link LocalTableService}; registered under {@code META-INF/services}. */
    interface Starter {
        /**
         * @param dataDir where the tables are kept, or null to keep them in memory
         * @param port    the port on 127.0.0.1, or 0 for one the system picks
         */
        LocalTableService start(Path dataDir, int port) throws IOException;
    }

    /** Starts the service of the first {@link Starter} on the class path. */
    static LocalTableService start(Path dataDir, int port) throws IOException {
        Starter starter = ServiceLoader.load(Starter.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No table service on the class path: " + "add shardline-engine to run one in this process"));
        return starter.start(dataDir, port);
    }
}
