package io.shardline.engine.streams;

import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import io.shardline.engine.api.ListStreams;
import io.shardline.engine.api.TableDescription;
import io.shardline.engine.changelog.SequenceAllocator;
import io.shardline.engine.changelog.ShardDefinition;
import io.shardline.engine.changelog.ShardReader;
import io.shardline.engine.changelog.StreamDefinition;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableDefinition;
import io.shardline.engine.table.TableOperations;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** ListStreams, DescribeStream, GetShardIterator and GetRecords. */
public final class StreamOperations {
    static final int MAX_RECORDS = 1000;
    static final long MAX_RESPONSE_BYTES = 1024 * 1024;
    static final int MAX_SHARDS_PER_PAGE = 100;

    private final TableCatalog catalog;
    private final TableOperations tables;
    private final ShardReader reader;
    private final Clock clock;
    private final ShardIterators iterators;

    public StreamOperations(
            Store store, TableCatalog catalog, TableOperations tables, ShardReader reader, Clock clock) {
        this.catalog = catalog;
        this.tables = tables;
        this.reader = reader;
        this.clock = clock;
        this.iterators = ShardIterators.of(store);
    }

    /** A stream located by its ARN. */
    private record Located(Table table, StreamDefinition stream) {}

    public ListStreams.Response listStreams(ListStreams.Request request) {
        int limit = request.limit() == null ? 100 : request.limit();
        if (limit < 1 || limit > 100) {
            throw DynamoException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                    + "to satisfy constraint: Member must have value between 1 and 100");
        }
        List<ListStreams.StreamSummary> all = new ArrayList<>();
        for (Table table : catalog.all()) {
            TableDefinition d = table.definition();
            if (request.tableName() == null || request.tableName().equals(d.name())) {
                for (StreamDefinition stream : d.streams()) {
                    all.add(new ListStreams.StreamSummary(tables.streamArn(d, stream), d.name(), stream.label()));
                }
            }
        }
        int from = 0;
        if (request.exclusiveStartStreamArn() != null) {
            while (from < all.size() && !all.get(from).streamArn().equals(request.exclusiveStartStreamArn())) {
                from++;
            }
            from++;
        }
        List<ListStreams.StreamSummary> page =
                all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        String last = from + limit < all.size() ? page.get(page.size() - 1).streamArn() : null;
        return new ListStreams.Response(List.copyOf(page), last);
    }

    public DescribeStream.Response describeStream(DescribeStream.Request request) {
        Located located = locate(request.streamArn());
        int limit = request.limit() == null ? MAX_SHARDS_PER_PAGE : request.limit();
        if (limit < 1 || limit > MAX_SHARDS_PER_PAGE) {
            throw DynamoException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                    + "to satisfy constraint: Member must have value between 1 and " + MAX_SHARDS_PER_PAGE);
        }
        List<ShardDefinition> shards = located.stream().shards();
        if (request.shardFilter() != null) {
            DescribeStream.ShardFilter filter = request.shardFilter();
            if (!"CHILD_SHARDS".equals(filter.type()) || filter.shardId() == null) {
                throw DynamoException.validation(
                        "ShardFilter must have Type CHILD_SHARDS and a ShardId, not " + filter);
            }
            long parent = shard(located, filter.shardId()).number();
            shards = shards.stream()
                    .filter(s -> s.parentNumber() != null && s.parentNumber() == parent)
                    .toList();
        }
        int from = 0;
        if (request.exclusiveStartShardId() != null) {
            while (from < shards.size() && !shards.get(from).shardId().equals(request.exclusiveStartShardId())) {
                from++;
            }
            from++;
        }
        List<DescribeStream.Shard> page = new ArrayList<>();
        for (int i = from; i < shards.size() && page.size() < limit; i++) {
            page.add(describe(shards.get(i)));
        }
        String lastEvaluated =
                from + limit < shards.size() ? page.get(page.size() - 1).shardId() : null;
        TableDescription table = tables.describe(located.table(), "ACTIVE");
        StreamDefinition stream = located.stream();
        return new DescribeStream.Response(new DescribeStream.StreamDescription(
                request.streamArn(),
                stream.label(),
                stream.isEnabled() ? "ENABLED" : "DISABLED",
                stream.viewType(),
                BigDecimal.valueOf(stream.createdAtMillis()).movePointLeft(3),
                table.tableName(),
                table.keySchema(),
                page,
                lastEvaluated));
    }

    private static DescribeStream.Shard describe(ShardDefinition shard) {
        return new DescribeStream.Shard(
                shard.shardId(),
                shard.parentShardId(),
                new DescribeStream.SequenceNumberRange(
                        SequenceAllocator.format(shard.startingSequence()),
                        shard.endingSequence() == null ? null : SequenceAllocator.format(shard.endingSequence())));
    }

    public GetShardIterator.Response getShardIterator(GetShardIterator.Request request) {
        Located located = locate(request.streamArn());
        ShardDefinition shard = shard(located, request.shardId());
        Table table = located.table();
        long trimmed = table.trimHorizon().of(shard.number());
        String type = request.shardIteratorType() == null ? "null" : request.shardIteratorType();
        long after;
        switch (type) {
            case "TRIM_HORIZON" -> after = Math.max(shard.startingSequence(), trimmed);
            case "LATEST" -> after = shard.isOpen() ? table.sequences().visibleThrough() : shard.endingSequence();
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
                long sequence = sequenceNumber(
                        request.sequenceNumber(), shard, table.sequences().last());
                after = type.equals("AT_SEQUENCE_NUMBER") ? sequence - 1 : sequence;
                if (after < trimmed) {
                    throw trimmedError(request.sequenceNumber(), shard, trimmed);
                }
            }
            default ->
                throw DynamoException.validation("1 validation error detected: Value '" + type + "' at "
                        + "'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
        }
        ShardIterators.Position position = new ShardIterators.Position(
                table.definition().name(), located.stream().label(), shard.number(), after, clock.millis());
        return new GetShardIterator.Response(iterators.encode(position));
    }

    /** The internal form of a sequence number a client gave for {@code shard}, which it must lie in. */
    private static long sequenceNumber(String text, ShardDefinition shard, long highestHandedOut) {
        long sequence;
        try {
            sequence = SequenceAllocator.parse(text);
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid SequenceNumber: " + text + " is not a sequence number");
        }
        if (sequence < shard.startingSequence()
                || sequence > (shard.endingSequence() == null ? highestHandedOut : shard.endingSequence())) {
            throw DynamoException.validation(
                    "Invalid SequenceNumber: " + text + " is outside the range of shard " + shard.shardId());
        }
        return sequence;
    }

    /**
     * The shard a shard iterator reads, as {@code <table>/<stream label>/<shard number>}, or null when
     * the iterator is not valid (GetRecords then says why).
     */
    public String shardOf(String shardIterator) {
        try {
            ShardIterators.Position position = iterators.decode(shardIterator, clock.millis());
            return position.table() + "/" + position.label() + "/" + position.shard();
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    /** GetRecords, with the records left in their stored bytes until the caller decodes or writes them. */
    public GetRecordsPage getRecords(GetRecords.Request request) {
        long now = clock.millis();
        ShardIterators.Position position = iterators.decode(request.shardIterator(), now);
        int limit = request.limit() == null ? MAX_RECORDS : request.limit();
        if (limit < 1 || limit > MAX_RECORDS) {
            throw DynamoException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                    + "to satisfy constraint: Member must have value between 1 and " + MAX_RECORDS);
        }
        Table table = catalog.require(position.table());
        StreamDefinition stream = table.definition().streams().stream()
                .filter(s -> s.label().equals(position.label()))
                .findFirst()
                .orElseThrow(() -> trimmedShard(position));
        ShardDefinition shard = stream.shard(position.shard()).orElseThrow(() -> trimmedShard(position));
        long through = shard.isOpen()
                ? table.sequences().visibleThrough()
                : Math.min(shard.endingSequence(), table.sequences().visibleThrough());
        ShardReader.Page page =
                reader.read(table.id(), shard.number(), position.after(), through, limit, MAX_RESPONSE_BYTES);
        long trimmed = table.trimHorizon().of(shard.number());
        if (position.after() < trimmed) {
            throw trimmedError(SequenceAllocator.format(position.after()), shard, trimmed);
        }
        String next;
        if (page.exhausted() && !shard.isOpen()) {
            next = null;
        } else {
            long after = page.exhausted() ? Math.max(page.lastSequence(), through) : page.lastSequence();
            next = iterators.encode(position.advancedTo(after, now));
        }
        return new GetRecordsPage(page.records(), next);
    }

    private Located locate(String streamArn) {
        int tableAt = streamArn == null ? -1 : streamArn.indexOf(":table/");
        int streamAt = streamArn == null ? -1 : streamArn.indexOf("/stream/");
        if (tableAt < 0 || streamAt < tableAt) {
            throw DynamoException.validation("Invalid StreamArn: " + streamArn);
        }
        String tableName = streamArn.substring(tableAt + ":table/".length(), streamAt);
        String label = streamArn.substring(streamAt + "/stream/".length());
        DynamoException notFound = new DynamoException(
                ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: " + streamArn + " not found");
        Table table;
        try {
            table = catalog.require(tableName);
        } catch (DynamoException e) {
            throw notFound;
        }
        StreamDefinition stream = table.definition().streams().stream()
                .filter(s -> s.label().equals(label)
                        && tables.streamArn(table.definition(), s).equals(streamArn))
                .findFirst()
                .orElseThrow(() -> notFound);
        return new Located(table, stream);
    }

    private static ShardDefinition shard(Located located, String shardId) {
        long number;
        try {
            number = ShardDefinition.numberOf(shardId);
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid ShardId: " + shardId);
        }
        return located.stream()
                .shard(number)
                .filter(s -> s.shardId().equals(shardId))
                .orElseThrow(() -> new DynamoException(
                        ErrorType.RESOURCE_NOT_FOUND,
                        "Requested resource not found: Shard does not exist: " + shardId));
    }

    private static DynamoException trimmedShard(ShardIterators.Position position) {
        return new DynamoException(
                ErrorType.TRIMMED_DATA_ACCESS,
                "The shard of this iterator (" + position.label() + ", shard " + position.shard()
                        + ") passed the retention period and was trimmed");
    }

    private static DynamoException trimmedError(String position, ShardDefinition shard, long trimmed) {
        return new DynamoException(
                ErrorType.TRIMMED_DATA_ACCESS,
                "Attempted to access data beyond the trim horizon: "
                        + "position " + position + " in " + shard.shardId()
                        + " is at or before trimmed sequence number "
                        + SequenceAllocator.format(trimmed));
    }
}
