package io.shardline.engine.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.engine.control.EngineControl;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code shardline-engine.jar control <action> [options]}: the control API from a shell, printing each
 * answer as JSON. Exit code 0 on success, 1 when the engine refused, 2 on a wrong command line.
 */
final class ControlCommand {
    static final String USAGE = String.join(
            System.lineSeparator(),
            "Usage: java -jar shardline-engine.jar control <action> [--endpoint URL] [options]",
            "Rehearse production events on a running engine (loopback only; docs/testing-consumers.md).",
            "  split --table T [--key JSON | --partition ID]",
            "                                     split the partition holding the key (DynamoDB JSON), the one",
            "                                     with this id (see partitions), or the widest open one",
            "  partitions --table T               list the table's partitions",
            "  rollover --table T                 close every open shard of the table's stream now",
            "  trim --table T                     trim the table's stream up to now (as if retention passed)",
            "  fault --operation OP --error E (--count N | --fraction F) [--delay MS]",
            "                                     the next N calls (or a fraction F of the calls) of OP (or *)",
            "                                     answer E: InternalServerError, ThrottlingException,",
            "                                     ProvisionedThroughputExceededException, LimitExceededException,",
            "                                     DropConnection or Delay",
            "  faults                             list pending faults",
            "  limits [--get-records-per-second N] [--readers-per-shard N] [--writes-per-second N]",
            "                                     emulate Amazon's limits (5 and 2 for streams); none given:",
            "                                     no limits",
            "  clear-faults                       remove every fault",
            "  clock                              the engine's clock and how far it was moved",
            "  advance-clock --by DURATION        move a movable clock forward (such as 2h, 90s)",
            "  --endpoint URL                     the engine (default: http://127.0.0.1:8000)",
            "  --access-key K --secret-key S [--region R]",
            "                                     sign calls with an admin key (an engine with --auth strict",
            "                                     and --admin-keys); without, calls come unsigned from loopback");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlCommand() {}

    /** Runs {@code args} (the action first); returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("Expected --option value pairs after the action, not '" + args[i] + "'");
                err.println(USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String endpoint = options.getOrDefault("endpoint", "http://127.0.0.1:8000");
        EngineControl control = options.containsKey("access-key")
                ? new EngineControl(
                        endpoint,
                        options.get("access-key"),
                        options.get("secret-key"),
                        options.getOrDefault("region", "us-east-1"))
                : new EngineControl(endpoint);
        try {
            JsonNode answer = switch (args[0]) {
                case "split" ->
                    options.containsKey("key")
                            ? control.splitPartitionHolding(required(options, "table"), options.get("key"))
                            : options.containsKey("partition")
                                    ? control.splitPartition(required(options, "table"), number(options, "partition"))
                                    : control.splitPartition(required(options, "table"));
                case "partitions" -> control.listPartitions(required(options, "table"));
                case "rollover" -> control.rollOverShards(required(options, "table"));
                case "trim" -> control.trimStream(required(options, "table"));
                case "fault" -> fault(control, options);
                case "faults" -> control.listFaults();
                case "limits" ->
                    control.setLimits(
                            number(options, "get-records-per-second"),
                            number(options, "readers-per-shard"),
                            number(options, "writes-per-second"));
                case "clear-faults" -> control.clearFaults();
                case "clock" -> control.describeClock();
                case "advance-clock" -> control.advanceClock(SettingUnits.duration(required(options, "by"), "--by"));
                default -> throw new IllegalArgumentException("Unknown action '" + args[0] + "'");
            };
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IllegalStateException | com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static JsonNode fault(EngineControl control, Map<String, String> options) {
        String operation = required(options, "operation");
        String error = required(options, "error");
        var body = JSON.createObjectNode().put("Operation", operation).put("Error", error);
        if (options.containsKey("count")) {
            body.put("Count", Integer.parseInt(options.get("count")));
        }
        if (options.containsKey("fraction")) {
            body.put("Fraction", Double.parseDouble(options.get("fraction")));
        }
        if (options.containsKey("delay")) {
            body.put("DelayMillis", Long.parseLong(options.get("delay")));
        }
        return control.call("InjectFault", body);
    }

    private static Integer number(Map<String, String> options, String name) {
        String value = options.get(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is a whole number, not '" + value + "'");
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("This action needs --" + name);
        }
        return value;
    }
}
