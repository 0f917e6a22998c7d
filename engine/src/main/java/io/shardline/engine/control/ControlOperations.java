package io.shardline.engine.control;

import io.shardline.engine.Engine;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.Required;
import io.shardline.engine.table.Partition;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The control API beside the DynamoDB one, under its own {@code X-Amz-Target} prefix so no DynamoDB
 * client calls it by mistake: splits partitions, rolls shards over, trims streams, emulates Amazon's
 * throughput limits, injects faults and moves a movable clock (--clock movable), so that a consumer can rehearse what production does on its own
 * schedule. JSON in and out, members named as DynamoDB names them (docs/testing-consumers.md).
 */
public final class ControlOperations {
    public static final String PREFIX = "ShardlineControl_20261127.";

    /** SplitPartition: the partition with this id, or the open one holding the item with this key. */
    public record SplitPartitionRequest(
            @Required String tableName, Long partitionId, Map<String, AttributeValue> key) {}

    public record TableRequest(@Required String tableName) {}

    public record PartitionsResponse(List<PartitionDescription> partitions) {}

    /** A partition as the control API describes it; hash bounds as unsigned decimal text. */
    public record PartitionDescription(
            long partitionId, Long parentPartitionId, String hashStart, String hashEnd, boolean open) {
        static PartitionDescription of(Partition p) {
            return new PartitionDescription(
                    p.id(),
                    p.parentId(),
                    Long.toUnsignedString(p.hashStart()),
                    Long.toUnsignedString(p.hashEnd()),
                    p.isOpen());
        }
    }

    public record RollOverResponse(int shardsClosed) {}

    /**
     * InjectFault: calls of {@code operation} (such as {@code GetRecords}, or {@code *}) answer
     * {@code error}: InternalServerError, ThrottlingException, ProvisionedThroughputExceededException,
     * LimitExceededException, DropConnection or Delay; the next {@code count} calls, or a
     * {@code fraction} of calls until cleared.
     */
    public record InjectFaultRequest(
            @Required String operation, @Required String error, Integer count, Double fraction, Long delayMillis) {}

    public record FaultsResponse(List<FaultInjector.Fault> faults) {}

    public record Empty() {}

    public record AdvanceClockRequest(@Required Long millis) {}

    /** SetLimits: the limits to emulate from now on; a member left out is no limit (Amazon: 5, 2, the table's). */
    public record LimitsRequest(
            Integer getRecordsPerSecondPerShard, Integer readersPerShard, Integer writesPerSecondPerTable) {}

    public record ClockResponse(long nowMillis, long offsetMillis, boolean adjustable) {}

    private final Map<String, Function<byte[], Object>> byName = new HashMap<>();

    /**
     * @param faults the server's fault injector, or null when it runs without rehearsal
     * @param limits the server's emulated limits, or null when it runs without rehearsal
     * @param clock the engine's clock when it can be moved ({@code --clock movable}), else null
     */
    public ControlOperations(Engine engine, FaultInjector faults, ThroughputLimits limits, ControllableClock clock) {
        add("SetLimits", LimitsRequest.class, request -> {
            rehearsing(limits)
                    .set(new ThroughputLimits.Settings(
                            request.getRecordsPerSecondPerShard(),
                            request.readersPerShard(),
                            request.writesPerSecondPerTable()));
            return rehearsing(limits).settings();
        });
        add("DescribeLimits", Empty.class, request -> rehearsing(limits).settings());
        add("SplitPartition", SplitPartitionRequest.class, request -> {
            List<Partition> children = request.partitionId() != null
                    ? engine.splitPartition(request.tableName(), request.partitionId())
                    : request.key() != null
                            ? engine.splitPartition(
                                    request.tableName(),
                                    engine.partitionHolding(request.tableName(), request.key())
                                            .id())
                            : engine.splitWidestPartition(request.tableName());
            return new PartitionsResponse(
                    children.stream().map(PartitionDescription::of).toList());
        });
        add(
                "ListPartitions",
                TableRequest.class,
                request -> new PartitionsResponse(engine.partitions(request.tableName()).stream()
                        .map(PartitionDescription::of)
                        .toList()));
        add(
                "RollOverShards",
                TableRequest.class,
                request -> new RollOverResponse(engine.rollOverShards(request.tableName())));
        add("TrimStream", TableRequest.class, request -> {
            engine.trimStream(request.tableName());
            return new Empty();
        });
        add("InjectFault", InjectFaultRequest.class, request -> {
            rehearsing(faults)
                    .add(new FaultInjector.Fault(
                            request.operation(),
                            kind(request.error()),
                            request.count() == null ? 0 : request.count(),
                            request.fraction() == null ? 0 : request.fraction(),
                            request.delayMillis() == null ? 0 : request.delayMillis()));
            return new FaultsResponse(faults.pending());
        });
        add(
                "ListFaults",
                Empty.class,
                request -> new FaultsResponse(rehearsing(faults).pending()));
        add("ClearFaults", Empty.class, request -> {
            rehearsing(faults).clear();
            return new Empty();
        });
        add("DescribeClock", Empty.class, request -> clock(engine, clock));
        add("AdvanceClock", AdvanceClockRequest.class, request -> {
            if (clock == null) {
                throw DynamoException.validation("This engine's clock cannot be moved: it runs on the system clock. "
                        + "Start it with --clock movable (the default of --in-memory) to rehearse with a moving clock");
            }
            if (request.millis() < 0) {
                throw DynamoException.validation("The clock only moves forward, not by " + request.millis() + " ms");
            }
            clock.advance(Duration.ofMillis(request.millis()));
            engine.runMaintenance();
            return clock(engine, clock);
        });
    }

    /** Each operation by name (its target without the prefix): what answers a JSON request body. */
    public Map<String, Function<byte[], byte[]>> operations() {
        Map<String, Function<byte[], byte[]>> operations = new TreeMap<>();
        byName.forEach((name, call) -> operations.put(name, body -> DynamoJson.write(call.apply(body))));
        return operations;
    }

    /** Registers an operation; what it refuses (a fault without a count, a closed partition) is a ValidationException. */
    private <T> void add(String name, Class<T> type, Function<T, Object> call) {
        byName.put(name, body -> {
            T request = DynamoJson.read(body.length == 0 ? "{}".getBytes() : body, type);
            try {
                return call.apply(request);
            } catch (IllegalArgumentException | IllegalStateException refused) {
                throw DynamoException.validation(name + ": " + refused.getMessage());
            }
        });
    }

    /** The rehearsal part, or a refusal naming the setting when the server runs without rehearsal. */
    private static <T> T rehearsing(T part) {
        if (part == null) {
            throw DynamoException.validation("This server runs without rehearsal: emulated limits and injected "
                    + "faults need an engine started with --rehearsal (the default of --in-memory), or "
                    + "ServerConfig.withRehearsal(true)");
        }
        return part;
    }

    private static ClockResponse clock(Engine engine, ControllableClock clock) {
        return clock == null
                ? new ClockResponse(System.currentTimeMillis(), 0, false)
                : new ClockResponse(clock.millis(), clock.offset().toMillis(), true);
    }

    private static FaultInjector.Kind kind(String error) {
        return switch (error) {
            case "InternalServerError" -> FaultInjector.Kind.INTERNAL_SERVER_ERROR;
            case "ThrottlingException" -> FaultInjector.Kind.THROTTLING;
            case "ProvisionedThroughputExceededException" -> FaultInjector.Kind.PROVISIONED_THROUGHPUT_EXCEEDED;
            case "LimitExceededException" -> FaultInjector.Kind.LIMIT_EXCEEDED;
            case "DropConnection" -> FaultInjector.Kind.DROP_CONNECTION;
            case "Delay" -> FaultInjector.Kind.DELAY;
            default ->
                throw DynamoException.validation("Error '" + error + "' is not one the control API injects: "
                        + "InternalServerError, ThrottlingException, ProvisionedThroughputExceededException, "
                        + "LimitExceededException, DropConnection or Delay");
        };
    }

    /** The error a fault answers with, or null for a dropped connection or a delay. */
    public static DynamoException error(FaultInjector.Fault fault, String operation) {
        ErrorType type = switch (fault.kind()) {
            case INTERNAL_SERVER_ERROR -> ErrorType.INTERNAL_SERVER_ERROR;
            case THROTTLING -> ErrorType.THROTTLING;
            case PROVISIONED_THROUGHPUT_EXCEEDED -> ErrorType.PROVISIONED_THROUGHPUT_EXCEEDED;
            case LIMIT_EXCEEDED -> ErrorType.LIMIT_EXCEEDED;
            case DROP_CONNECTION, DELAY -> null;
        };
        return type == null
                ? null
                : new DynamoException(
                        type,
                        "Injected by the control API: " + operation + " answers " + type.wireName() + " ("
                                + fault.kind().name().toLowerCase(Locale.ROOT) + ")");
    }
}
