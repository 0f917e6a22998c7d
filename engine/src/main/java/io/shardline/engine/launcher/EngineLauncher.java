package io.shardline.engine.launcher;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.server.ShardlineServer;
import io.shardline.engine.storage.StoreException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine behind its DynamoDB wire protocol server from the command line, until the process
 * is told to stop (Ctrl-C or SIGTERM); then it stops serving and closes the engine, keeping every
 * acknowledged write.
 */
public final class EngineLauncher {
    private EngineLauncher() {}

    /** How long a start waits for an earlier engine to let go of the data directory. */
    static final Duration DATA_DIRECTORY_WAIT = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        PrintStream out = System.out;
        if (args.length > 0 && args[0].equals("control")) {
            System.exit(ControlCommand.run(Arrays.copyOfRange(args, 1, args.length), out, System.err));
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(LaunchOptions.usage());
            return;
        }
        if (!BoundedJvm.isBounded()) {
            System.exit(BoundedJvm.runChild(BoundedJvm.childCommand(options.maxHeap(), args)));
            return;
        }
        if (Boolean.getBoolean(BoundedJvm.CHILD_PROPERTY)) {
            BoundedJvm.haltWithParent();
        }
        Engine engine = open(options.engine(), out);
        if (engine == null) {
            System.exit(1);
            return;
        }
        ShardlineServer server = ShardlineServer.start(engine, options.server(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            engine.close();
                            out.println("Shardline engine stopped");
                            out.flush();
                            stopped.countDown();
                        },
                        "shardline-shutdown"));
        int tables = engine.listTables(new ListTables.Request(null, 100))
                .tableNames()
                .size();
        String storage = options.engine().dataDir() == null
                ? "in memory"
                : "data in " + options.engine().dataDir().toAbsolutePath();
        out.println("Shardline engine listening on " + server.endpoint() + " (" + storage + ", " + tables
                + " table(s) recovered, auth " + (options.server().credentials() == null ? "open" : "strict")
                + ", heap at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }

    /**
     * Opens the engine, first waiting (up to {@link #DATA_DIRECTORY_WAIT}) for another process to let
     * go of a durable engine's data directory; null, having said why in one line, when it cannot.
     */
    private static Engine open(EngineConfig config, PrintStream out) throws InterruptedException {
        if (config.dataDir() != null) {
            String holder = new DataDirectoryHolder(config.dataDir()).awaitFree(DATA_DIRECTORY_WAIT, out);
            if (holder != null) {
                System.err.println("The data directory " + config.dataDir().toAbsolutePath() + " is in use by " + holder
                        + "; stop it, or give another --data-dir");
                return null;
            }
        }
        try {
            return Engine.open(config);
        } catch (StoreException e) {
            System.err.println(
                    "Cannot open the data directory " + config.dataDir().toAbsolutePath() + ": " + e.getMessage()
                            + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            return null;
        }
    }
}
