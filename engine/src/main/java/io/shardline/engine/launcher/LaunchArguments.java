package io.shardline.engine.launcher;

import io.shardline.engine.EngineConfig;
import io.shardline.engine.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The launcher's command-line options, declared for picocli, the command-line library the jobs use too. */
@Command(
        name = "java -jar shardline-engine.jar",
        customSynopsis = "java -jar shardline-engine.jar [options]",
        sortOptions = false,
        usageHelpAutoWidth = false,
        footer = {
            "",
            "       java -jar shardline-engine.jar control <action> [options]   (control --help: rehearse",
            "       splits, rollovers, trimming, faults and clock moves on a running engine)"
        })
final class LaunchArguments {
    private static final EngineConfig DEFAULTS = EngineConfig.inMemory();

    /** How an engine's clock runs. */
    enum ClockKind {
        system,
        movable
    }

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks " + "a free port)")
    int port = 8000;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: " + "${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Keep tables durably in DIR (default: " + "${DEFAULT-VALUE})")
    Path dataDir = Path.of("shardline-data");

    @Option(
            names = "--in-memory",
            description = "Keep everything in memory; nothing survives the process. Its "
                    + "clock is movable unless --clock system says otherwise")
    boolean inMemory;

    @Option(
            names = "--clock",
            paramLabel = "KIND",
            description = "${COMPLETION-CANDIDATES}: movable lets the "
                    + "control API move the engine's clock forward (advance-clock) to rehearse TTL and retention (default: "
                    + "movable with --in-memory, else system)")
    ClockKind clock;

    @Option(
            names = "--rehearsal",
            negatable = true,
            description = "Let the control API emulate Amazon's limits and inject faults (control limits, control "
                    + "fault); without it no request passes through either (default: on with --in-memory, else off)")
    Boolean rehearsal;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Partitions a new table starts with (default: " + "${DEFAULT-VALUE})")
    int partitions = EngineConfig.DEFAULT_PARTITIONS;

    @Option(
            names = "--region",
            paramLabel = "NAME",
            description = "Region named in ARNs and stream records " + "(default: ${DEFAULT-VALUE})")
    String region = "us-east-1";

    @Option(
            names = "--auth",
            paramLabel = "MODE",
            description = "open (default) accepts any well-formed SigV4 "
                    + "signature; strict verifies signatures against --credentials")
    String auth = "open";

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "For strict auth: a properties file of " + "ACCESS_KEY_ID=SECRET_ACCESS_KEY lines")
    Path credentials;

    @Option(
            names = "--admin-keys",
            paramLabel = "KEY",
            split = ",",
            description = "For strict auth: access keys "
                    + "whose signed calls the control API answers from any address (without strict auth it answers "
                    + "loopback only)")
    List<String> adminKeys;

    @Option(
            names = "--max-heap",
            paramLabel = "SIZE",
            description = "Heap limit of the server's JVM, as for -Xmx "
                    + "(default: ${DEFAULT-VALUE}); started without -Xmx, the launcher runs the server in a child JVM with "
                    + "this limit, direct buffers capped at " + BoundedJvm.MAX_DIRECT_MEMORY + " and exit on "
                    + "OutOfMemoryError")
    String maxHeap = LaunchOptions.DEFAULT_MAX_HEAP;

    @Option(
            names = "--request-timeout",
            paramLabel = "S",
            description = "Seconds a request's headers and body may " + "take to arrive (default: ${DEFAULT-VALUE})")
    int requestTimeoutSeconds = ServerConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS / 1000;

    @Option(
            names = "--idle-timeout",
            paramLabel = "S",
            description = "Seconds an idle keep-alive connection stays " + "open (default: ${DEFAULT-VALUE})")
    int idleTimeoutSeconds = 60;

    @Option(
            names = "--partition-split-size",
            paramLabel = "SIZE",
            converter = SettingUnits.Size.class,
            description = "Item bytes past which a partition splits in two, such as 64MB or 256KB (default: 10GB, "
                    + "as DynamoDB's partitions)")
    long partitionSplitBytes = DEFAULTS.partitionSplitBytes();

    @Option(
            names = "--shard-rollover",
            paramLabel = "AGE",
            converter = SettingUnits.Age.class,
            description = "Age at which an open shard closes and a child continues, such as 10m or 5s (default: 4h)")
    Duration shardRollover = DEFAULTS.shardRolloverAge();

    @Option(
            names = "--stream-retention",
            paramLabel = "AGE",
            converter = SettingUnits.Age.class,
            description = "How long change records are kept, such as 24h or 90s (default: 24h)")
    Duration streamRetention = DEFAULTS.streamRetention();

    @Option(
            names = "--maintenance-interval",
            paramLabel = "AGE",
            converter = SettingUnits.Age.class,
            description = "How often rollover, trimming and TTL expiry run, such as 1s or 100ms (default: 1s)")
    Duration maintenanceInterval = DEFAULTS.maintenanceInterval();

    @Option(
            names = "--ttl-interval",
            paramLabel = "AGE",
            converter = SettingUnits.Age.class,
            description =
                    "How often TTL expiry runs, on its own schedule, such as 10s (default: with the " + "maintenance)")
    Duration ttlInterval;

    @Option(
            names = {"--help", "-h"},
            usageHelp = true,
            description = "Print this help")
    boolean help;

    /** The usage text {@code --help} prints. */
    static String usage() {
        return new CommandLine(new LaunchArguments()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
