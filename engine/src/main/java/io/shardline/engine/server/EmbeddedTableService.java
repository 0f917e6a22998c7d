package io.shardline.engine.server;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.items.service.LocalTableService;
import java.nio.file.Path;
import java.time.Clock;

/** The engine and its server in this JVM, for callers that know only {@link LocalTableService}. */
public final class EmbeddedTableService implements LocalTableService {
    private final Engine engine;
    private final ShardlineServer server;

    private EmbeddedTableService(Engine engine, ShardlineServer server) {
        this.engine = engine;
        this.server = server;
    }

    @Override
    public String endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() throws Exception {
        try (engine) {
            server.close();
        }
    }

    /** Registered in {@code META-INF/services}: opens the engine and serves it on loopback. */
    public static final class Starter implements LocalTableService.Starter {
        @Override
        public LocalTableService start(Path dataDir, int port) {
            Engine engine = Engine.open(dataDir == null ? EngineConfig.inMemory() : EngineConfig.durable(dataDir));
            try {
                return new EmbeddedTableService(
                        engine, ShardlineServer.start(engine, ServerConfig.loopback(port), Clock.systemUTC()));
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
    }
}
