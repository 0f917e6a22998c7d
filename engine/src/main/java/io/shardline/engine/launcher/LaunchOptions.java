package io.shardline.engine.launcher;

import io.shardline.engine.EngineConfig;
import io.shardline.engine.control.ControllableClock;
import io.shardline.engine.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The launcher's command line, parsed: how to run the engine and its server, or a request for help. */
record LaunchOptions(EngineConfig engine, ServerConfig server, String maxHeap, boolean help) {
    static final String DEFAULT_MAX_HEAP = "512m";
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar shardline-engine.jar [options]",
            "       java -jar shardline-engine.jar control <action> [options]   (control --help: rehearse",
            "       splits, rollovers, trimming, faults and clock moves on a running engine)",
            "  --port N             port to listen on (default 8000; 0 picks a free port)",
            "  --host ADDRESS       address to listen on (default 127.0.0.1)",
            "  --data-dir DIR       keep tables durably in DIR (default ./shardline-data)",
            "  --in-memory          keep everything in memory; nothing survives the process",
            "  --partitions N       partitions a new table starts with (default " + EngineConfig.DEFAULT_PARTITIONS + ")",
            "  --region NAME        region named in ARNs and stream records (default us-east-1)",
            "  --auth open|strict   open (default) accepts any well-formed SigV4 signature;",
            "                       strict verifies signatures against --credentials",
            "  --credentials FILE   for strict auth: a properties file of ACCESS_KEY_ID=SECRET_ACCESS_KEY lines",
            "  --admin-keys K1,K2   for strict auth: access keys whose signed calls the control API answers from",
            "                       any address (without strict auth it answers loopback only)",
            "  --max-heap SIZE      heap limit of the server's JVM, as for -Xmx (default " + DEFAULT_MAX_HEAP + "); started",
            "                       without -Xmx, the launcher runs the server in a child JVM with this limit,",
            "                       direct buffers capped at " + BoundedJvm.MAX_DIRECT_MEMORY + " and exit on OutOfMemoryError",
            "  --request-timeout S  seconds a request's headers and body may take to arrive (default "
                    + ServerConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS / 1000 + ")",
            "  --idle-timeout S     seconds an idle keep-alive connection stays open (default 60)",
            "  --partition-split-size SIZE  item bytes past which a partition splits in two, such as 64MB or",
            "                       256KB (default 10GB, as DynamoDB's partitions)",
            "  --shard-rollover AGE age at which an open shard closes and a child continues, such as 10m or 5s",
            "                       (default 4h)",
            "  --stream-retention AGE  how long change records are kept, such as 24h or 90s (default 24h)",
            "  --maintenance-interval AGE  how often rollover, trimming and TTL expiry run, such as 1s or",
            "                       100ms (default 1s)",
            "  --ttl-interval AGE   how often TTL expiry runs, on its own schedule, such as 10s (default: with",
            "                       the maintenance)",
            "  --help               print this help");

    static LaunchOptions parse(String[] args) {
        Path dataDir = Path.of("shardline-data");
        boolean inMemory = false;
        int partitions = EngineConfig.DEFAULT_PARTITIONS;
        String region = "us-east-1";
        int port = 8000;
        String host = "127.0.0.1";
        String auth = "open";
        Path credentials = null;
        String maxHeap = DEFAULT_MAX_HEAP;
        int requestTimeoutSeconds = ServerConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS / 1000;
        int idleTimeoutSeconds = 60;
        EngineConfig defaults = EngineConfig.inMemory();
        long splitBytes = defaults.partitionSplitBytes();
        Duration rollover = defaults.shardRolloverAge();
        Duration retention = defaults.streamRetention();
        Duration maintenance = defaults.maintenanceInterval();
        Duration ttlInterval = null;
        String adminKeys = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return new LaunchOptions(null, null, null, true);
                }
                case "--in-memory" -> inMemory = true;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--partitions" -> partitions = number(value(args, ++i, "--partitions"), "--partitions");
                case "--region" -> region = value(args, ++i, "--region");
                case "--port" -> port = number(value(args, ++i, "--port"), "--port");
                case "--host" -> host = value(args, ++i, "--host");
                case "--auth" -> auth = value(args, ++i, "--auth");
                case "--credentials" -> credentials = Path.of(value(args, ++i, "--credentials"));
                case "--max-heap" -> maxHeap = heapSize(value(args, ++i, "--max-heap"));
                case "--request-timeout" -> requestTimeoutSeconds = positive(value(args, ++i, "--request-timeout"),
                        "--request-timeout");
                case "--idle-timeout" -> idleTimeoutSeconds = positive(value(args, ++i, "--idle-timeout"),
                        "--idle-timeout");
                case "--partition-split-size" -> splitBytes = SettingUnits.bytes(value(args, ++i,
                        "--partition-split-size"), "--partition-split-size");
                case "--shard-rollover" -> rollover = SettingUnits.duration(value(args, ++i, "--shard-rollover"),
                        "--shard-rollover");
                case "--stream-retention" -> retention = SettingUnits.duration(value(args, ++i,
                        "--stream-retention"), "--stream-retention");
                case "--admin-keys" -> adminKeys = value(args, ++i, "--admin-keys");
                case "--ttl-interval" -> ttlInterval = SettingUnits.duration(value(args, ++i, "--ttl-interval"),
                        "--ttl-interval");
                case "--maintenance-interval" -> maintenance = SettingUnits.duration(value(args, ++i,
                        "--maintenance-interval"), "--maintenance-interval");
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'");
            }
        }
        if (!auth.equals("open") && !auth.equals("strict")) {
            throw new IllegalArgumentException("--auth is open or strict, not '" + auth + "'");
        }
        if (auth.equals("strict") && credentials == null) {
            throw new IllegalArgumentException("--auth strict needs --credentials FILE");
        }
        EngineConfig engine = (inMemory ? EngineConfig.inMemory().withClock(new ControllableClock())
                : EngineConfig.durable(dataDir))
                .withDefaultPartitions(partitions).withRegion(region).withPartitionSplitBytes(splitBytes)
                .withShardRolloverAge(rollover).withStreamRetention(retention).withMaintenanceInterval(maintenance)
                .withTtlInterval(ttlInterval);
        ServerConfig server = ServerConfig.loopback(port).withHost(host)
                .withRequestTimeoutMillis(requestTimeoutSeconds * 1000).withIdleTimeoutMillis(idleTimeoutSeconds * 1000);
        if (adminKeys != null && !auth.equals("strict")) {
            throw new IllegalArgumentException("--admin-keys needs --auth strict: without it the control API answers "
                    + "loopback addresses only");
        }
        if (auth.equals("strict")) {
            Map<String, String> secrets = readCredentials(credentials);
            server = server.withCredentials(secrets);
            if (adminKeys != null) {
                Set<String> admins = Set.of(adminKeys.split(","));
                for (String admin : admins) {
                    if (!secrets.containsKey(admin)) {
                        throw new IllegalArgumentException("--admin-keys names " + admin + ", which the credentials "
                                + "file " + credentials + " does not");
                    }
                }
                server = server.withAdminKeys(admins);
            }
        }
        return new LaunchOptions(engine, server, maxHeap, false);
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

    private static String heapSize(String value) {
        if (!value.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new IllegalArgumentException("--max-heap is a size such as 512m or 2g, not '" + value + "'");
        }
        return value;
    }

    private static int positive(String value, String option) {
        int number = number(value, option);
        if (number < 1 || number > 86_400) {
            throw new IllegalArgumentException(option + " needs a number of seconds from 1 to 86400, not '" + value + "'");
        }
        return number;
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
