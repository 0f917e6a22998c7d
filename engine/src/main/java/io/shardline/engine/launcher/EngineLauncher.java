package io.shardline.engine.launcher;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.ListTables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts an engine from the command line and keeps it open until the process is told to stop
 * (Ctrl-C or SIGTERM), then closes it cleanly. The network server arrives with issue #5; until
 * then this opens (and recovers) a data directory or an in-memory engine.
 */
public final class EngineLauncher {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar shardline-engine.jar [--data-dir DIR | --in-memory] [--partitions N]",
            "  --data-dir DIR    keep tables durably in DIR (default ./shardline-data)",
            "  --in-memory       keep everything in memory; nothing survives the process",
            "  --partitions N    partitions a new table starts with (default " + EngineConfig.DEFAULT_PARTITIONS + ")",
            "  --help            print this help");

    private EngineLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        EngineConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            out.println(USAGE);
            return;
        }
        Engine engine = Engine.open(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            out.println("Shardline engine stopped");
            out.flush();
            stopped.countDown();
        }, "shardline-shutdown"));
        int tables = engine.listTables(new ListTables.Request(null, 100)).tableNames().size();
        out.println("Shardline engine ready: " + (config.dataDir() == null ? "in memory" : config.dataDir().toAbsolutePath())
                + ", " + tables + " table(s) recovered. Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }

    /** The configuration the arguments ask for, or null when they ask for help. */
    static EngineConfig parse(String[] args) {
        Path dataDir = Path.of("shardline-data");
        boolean inMemory = false;
        int partitions = EngineConfig.DEFAULT_PARTITIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--in-memory" -> inMemory = true;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--partitions" -> {
                    String value = value(args, ++i, "--partitions");
                    try {
                        partitions = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--partitions needs a whole number, not '" + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'");
            }
        }
        EngineConfig base = inMemory ? EngineConfig.inMemory() : EngineConfig.durable(dataDir);
        return base.withDefaultPartitions(partitions);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
