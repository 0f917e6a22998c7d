package io.shardline.engine.launcher;

import io.shardline.engine.EngineConfig;
import io.shardline.engine.control.ControllableClock;
import io.shardline.engine.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;

/** The launcher's command line, parsed: how to run the engine and its server, or a request for help. */
record LaunchOptions(EngineConfig engine, ServerConfig server, String maxHeap, boolean help) {
    static final String DEFAULT_MAX_HEAP = "512m";

    /** Parses the options; a bad one is an {@link IllegalArgumentException} naming the option and the value. */
    static LaunchOptions parse(String[] args) {
        LaunchArguments arguments = new LaunchArguments();
        try {
            new CommandLine(arguments).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (arguments.help) {
            return new LaunchOptions(null, null, null, true);
        }
        String auth = arguments.auth;
        if (!auth.equals("open") && !auth.equals("strict")) {
            throw new IllegalArgumentException("--auth is open or strict, not '" + auth + "'");
        }
        if (auth.equals("strict") && arguments.credentials == null) {
            throw new IllegalArgumentException("--auth strict needs --credentials FILE");
        }
        if (arguments.adminKeys != null && !auth.equals("strict")) {
            throw new IllegalArgumentException("--admin-keys needs --auth strict: without it the control API answers "
                    + "loopback addresses only");
        }
        heapSize(arguments.maxHeap);
        seconds(arguments.requestTimeoutSeconds, "--request-timeout");
        seconds(arguments.idleTimeoutSeconds, "--idle-timeout");
        boolean movable =
                arguments.clock == null ? arguments.inMemory : arguments.clock == LaunchArguments.ClockKind.movable;
        EngineConfig engine = (arguments.inMemory ? EngineConfig.inMemory() : EngineConfig.durable(arguments.dataDir))
                .withDefaultPartitions(arguments.partitions)
                .withRegion(arguments.region)
                .withPartitionSplitBytes(arguments.partitionSplitBytes)
                .withShardRolloverAge(arguments.shardRollover)
                .withStreamRetention(arguments.streamRetention)
                .withMaintenanceInterval(arguments.maintenanceInterval)
                .withTtlInterval(arguments.ttlInterval);
        if (movable) {
            engine = engine.withClock(new ControllableClock());
        }
        ServerConfig server = ServerConfig.loopback(arguments.port)
                .withHost(arguments.host)
                .withRequestTimeoutMillis(arguments.requestTimeoutSeconds * 1000)
                .withIdleTimeoutMillis(arguments.idleTimeoutSeconds * 1000)
                .withRehearsal(arguments.rehearsal == null ? arguments.inMemory : arguments.rehearsal);
        if (auth.equals("strict")) {
            Map<String, String> secrets = readCredentials(arguments.credentials);
            server = server.withCredentials(secrets);
            if (arguments.adminKeys != null) {
                Set<String> admins = Set.copyOf(arguments.adminKeys);
                for (String admin : admins) {
                    if (!secrets.containsKey(admin)) {
                        throw new IllegalArgumentException("--admin-keys names " + admin + ", which the credentials "
                                + "file " + arguments.credentials + " does not");
                    }
                }
                server = server.withAdminKeys(admins);
            }
        }
        return new LaunchOptions(engine, server, arguments.maxHeap, false);
    }

    /** The usage text {@code --help} prints. */
    static String usage() {
        return LaunchArguments.usage();
    }

    private static Map<String, String> readCredentials(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getMessage());
        }
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("credentials file " + file + " names no access key");
        }
        Map<String, String> secrets = new HashMap<>();
        properties.forEach((key, secret) -> secrets.put(key.toString(), secret.toString()));
        return secrets;
    }

    private static void heapSize(String value) {
        if (!value.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new IllegalArgumentException("--max-heap is a size such as 512m or 2g, not '" + value + "'");
        }
    }

    private static void seconds(int value, String option) {
        if (value < 1 || value > 86_400) {
            throw new IllegalArgumentException(
                    option + " needs a number of seconds from 1 to 86400, not '" + value + "'");
        }
    }
}
