package io.shardline.engine.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shardline.engine.control.EngineControl;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shardline-engine.jar control <action> [options]}: the control API from a shell, printing each
 * answer as JSON. Exit code 0 on success, 1 when the engine refused, 2 on a wrong command line.
 */
@Command(
        name = "java -jar shardline-engine.jar control",
        description = "Rehearse production events on a running engine (loopback only; docs/testing-consumers.md).",
        usageHelpAutoWidth = false,
        subcommands = {
            ControlCommand.Split.class,
            ControlCommand.Partitions.class,
            ControlCommand.Rollover.class,
            ControlCommand.Trim.class,
            ControlCommand.Fault.class,
            ControlCommand.Faults.class,
            ControlCommand.Limits.class,
            ControlCommand.ClearFaults.class,
            ControlCommand.Clock.class,
            ControlCommand.AdvanceClock.class
        })
final class ControlCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REFUSED = 1;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print this help (of an action, after its name)")
    boolean help;

    private ControlCommand() {}

    /** Runs {@code args} (the action first); returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(ControlCommand.class);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        command.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(e.getMessage());
            return REFUSED;
        });
        if (args.length == 0) {
            command.usage(command.getErr());
            return CommandLine.ExitCode.USAGE;
        }
        return command.execute(args);
    }

    /** Where the engine is and how calls are signed. */
    static final class Engine {
        @Option(names = "--endpoint", paramLabel = "URL", description = "The engine (default: ${DEFAULT-VALUE})")
        String endpoint = "http://127.0.0.1:8000";

        @Option(
                names = "--access-key",
                paramLabel = "K",
                description = "Sign calls with this admin key (an engine with --auth strict and --admin-keys); "
                        + "without, calls come unsigned from loopback")
        String accessKey;

        @Option(names = "--secret-key", paramLabel = "S", description = "The admin key's secret")
        String secretKey;

        @Option(
                names = "--region",
                paramLabel = "R",
                description = "Region the signature names (default: " + "${DEFAULT-VALUE})")
        String region = "us-east-1";

        EngineControl control() {
            return accessKey == null
                    ? new EngineControl(endpoint)
                    : new EngineControl(endpoint, accessKey, secretKey, region);
        }
    }

    /** One action: calls the engine and prints its answer as JSON. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        Engine engine;

        @Spec
        CommandSpec spec;

        abstract JsonNode call(EngineControl control);

        @Override
        public Integer call() throws JsonProcessingException {
            spec.commandLine()
                    .getOut()
                    .println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(call(engine.control())));
            return CommandLine.ExitCode.OK;
        }
    }

    /** An action on one table. */
    abstract static class TableAction extends Action {
        @Option(names = "--table", paramLabel = "T", required = true, description = "The table")
        String table;
    }

    @Command(
            name = "split",
            description = "Split the partition holding the key, the one with this id (see partitions), or the widest "
                    + "open one")
    static final class Split extends TableAction {
        @ArgGroup(exclusive = true)
        Which which;

        static final class Which {
            @Option(names = "--key", paramLabel = "JSON", description = "A key in DynamoDB JSON")
            String key;

            @Option(names = "--partition", paramLabel = "ID", description = "A partition id")
            Long partition;
        }

        @Override
        JsonNode call(EngineControl control) {
            if (which == null) {
                return control.splitPartition(table);
            }
            return which.key != null
                    ? control.splitPartitionHolding(table, which.key)
                    : control.splitPartition(table, which.partition);
        }
    }

    @Command(name = "partitions", description = "List the table's partitions")
    static final class Partitions extends TableAction {
        @Override
        JsonNode call(EngineControl control) {
            return control.listPartitions(table);
        }
    }

    @Command(name = "rollover", description = "Close every open shard of the table's stream now")
    static final class Rollover extends TableAction {
        @Override
        JsonNode call(EngineControl control) {
            return control.rollOverShards(table);
        }
    }

    @Command(name = "trim", description = "Trim the table's stream up to now (as if retention passed)")
    static final class Trim extends TableAction {
        @Override
        JsonNode call(EngineControl control) {
            return control.trimStream(table);
        }
    }

    @Command(
            name = "fault",
            description = "The next N calls (or a fraction F of the calls) of OP (or *) answer E: InternalServerError, "
                    + "ThrottlingException, ProvisionedThroughputExceededException, LimitExceededException, "
                    + "DropConnection or Delay")
    static final class Fault extends Action {
        @Option(names = "--operation", paramLabel = "OP", required = true, description = "The operation, or *")
        String operation;

        @Option(names = "--error", paramLabel = "E", required = true, description = "What the calls answer")
        String error;

        @ArgGroup(exclusive = true, multiplicity = "1")
        HowMany howMany;

        static final class HowMany {
            @Option(names = "--count", paramLabel = "N", description = "The next N calls")
            Integer count;

            @Option(names = "--fraction", paramLabel = "F", description = "This share of the calls until clear-faults")
            Double fraction;
        }

        @Option(names = "--delay", paramLabel = "MS", description = "With --error Delay: how long each call waits")
        Long delayMillis;

        @Override
        JsonNode call(EngineControl control) {
            ObjectNode body =
                    JSON.createObjectNode().put("Operation", operation).put("Error", error);
            if (howMany.count != null) {
                body.put("Count", howMany.count);
            }
            if (howMany.fraction != null) {
                body.put("Fraction", howMany.fraction);
            }
            if (delayMillis != null) {
                body.put("DelayMillis", delayMillis);
            }
            return control.call("InjectFault", body);
        }
    }

    @Command(name = "faults", description = "List pending faults")
    static final class Faults extends Action {
        @Override
        JsonNode call(EngineControl control) {
            return control.listFaults();
        }
    }

    @Command(name = "limits", description = "Emulate Amazon's limits (5 and 2 for streams); none given: no limits")
    static final class Limits extends Action {
        @Option(names = "--get-records-per-second", paramLabel = "N", description = "GetRecords calls per shard")
        Integer getRecordsPerSecond;

        @Option(names = "--readers-per-shard", paramLabel = "N", description = "Readers of a shard at once")
        Integer readersPerShard;

        @Option(names = "--writes-per-second", paramLabel = "N", description = "Writes per table")
        Integer writesPerSecond;

        @Override
        JsonNode call(EngineControl control) {
            return control.setLimits(getRecordsPerSecond, readersPerShard, writesPerSecond);
        }
    }

    @Command(name = "clear-faults", description = "Remove every fault")
    static final class ClearFaults extends Action {
        @Override
        JsonNode call(EngineControl control) {
            return control.clearFaults();
        }
    }

    @Command(name = "clock", description = "The engine's clock and how far it was moved")
    static final class Clock extends Action {
        @Override
        JsonNode call(EngineControl control) {
            return control.describeClock();
        }
    }

    @Command(name = "advance-clock", description = "Move a movable clock forward")
    static final class AdvanceClock extends Action {
        @Option(
                names = "--by",
                paramLabel = "DURATION",
                required = true,
                converter = SettingUnits.Age.class,
                description = "How far, such as 2h or 90s")
        Duration by;

        @Override
        JsonNode call(EngineControl control) {
            return control.advanceClock(by);
        }
    }
}
