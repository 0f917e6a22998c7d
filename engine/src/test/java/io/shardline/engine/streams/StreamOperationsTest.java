package io.shardline.engine.streams;

import static io.shardline.engine.testing.Items.createTable;
import static io.shardline.engine.testing.Items.tableWithStream;
import static io.shardline.engine.testing.Rejections.rejected;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.AttributeValueUpdate;
import io.shardline.engine.api.DeleteItem;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import io.shardline.engine.api.ListStreams;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.TableDescription;
import io.shardline.engine.api.TimeToLiveSpecification;
import io.shardline.engine.api.UpdateItem;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.storage.ItemCodecTest;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamOperationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Engine engine = Engine.open(EngineConfig.inMemory()
            .withClock(clock)
            .withMaintenanceInterval(Duration.ofDays(1))
            .withStreamRetention(Duration.ofHours(24))
            .withShardRolloverAge(Duration.ofHours(4)));

    @AfterEach
    void close() {
        engine.close();
    }

    private String createWithStream(String name, int partitions, String viewType) {
        return engine.createTable(tableWithStream(name, partitions, viewType, "id:S"))
                .tableDescription()
                .latestStreamArn();
    }

    private List<GetRecords.ChangeRecord> readAll(String arn) {
        return StreamReading.readAll(engine, arn);
    }

    private void put(String table, Map<String, AttributeValue> item) {
        engine.putItem(PutItem.Request.of(table, item));
    }

    enum ViewType {
        KEYS_ONLY,
        NEW_IMAGE,
        OLD_IMAGE,
        NEW_AND_OLD_IMAGES
    }

    @ParameterizedTest
    @EnumSource(ViewType.class)
    void wireJsonWrittenFromStoredBytesIsTheJsonOfTheDecodedRecords(ViewType viewType) throws Exception {
        String arn = createWithStream("Wire", 1, viewType.name());
        engine.updateTimeToLive(new UpdateTimeToLive.Request("Wire", new TimeToLiveSpecification(true, "expires")));
        Map<String, AttributeValue> every = ItemCodecTest.everyType();
        put("Wire", item("id", s("a\"\\\u0001é\uD83D\uDE00"), "expires", n(clock.millis() / 1000 - 1)));
        for (int i = 0; i < 3; i++) {
            Map<String, AttributeValue> changed = new LinkedHashMap<>(every);
            changed.put("id", s("every"));
            changed.put("round \"" + i + "\" \u2603", n(i));
            put("Wire", changed);
        }
        engine.deleteItem(DeleteItem.Request.of("Wire", item("id", s("every"))));
        engine.runMaintenance();
        DescribeStream.Shard shard = StreamReading.shards(engine, arn).get(0);
        String iterator = engine.getShardIterator(GetShardIterator.Request.of(arn, shard.shardId(), "TRIM_HORIZON"))
                .shardIterator();
        GetRecordsPage page = engine.getRecordsPage(new GetRecords.Request(iterator, 1000));
        assertThat(page.decode().records())
                .extracting(GetRecords.ChangeRecord::eventName)
                .containsExactly("INSERT", "INSERT", "MODIFY", "MODIFY", "REMOVE", "REMOVE");
        assertThat(page.decode().records().get(5).userIdentity())
                .as("the TTL delete")
                .isNotNull();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (JsonGenerator json = DynamoJson.mapper().getFactory().createGenerator(streamed)) {
            page.writeJson(json);
        }
        assertThat(streamed.toString(StandardCharsets.UTF_8))
                .isEqualTo(new String(DynamoJson.write(page.decode()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(ViewType.class)
    void everyChangeAppendsOneRecordWithTheImagesOfItsViewType(ViewType viewType) {
        String arn = createWithStream("Changes", 2, viewType.name());
        Map<String, AttributeValue> v1 = item("id", s("a"), "v", n(1));
        Map<String, AttributeValue> v2 = item("id", s("a"), "v", n(2));
        put("Changes", v1);
        put("Changes", v2);
        put("Changes", v2);
        engine.updateItem(UpdateItem.Request.of(
                "Changes", item("id", s("a")), Map.of("v", new AttributeValueUpdate(n(3), "PUT")), null));
        engine.deleteItem(DeleteItem.Request.of("Changes", item("id", s("a"))));
        engine.deleteItem(DeleteItem.Request.of("Changes", item("id", s("a"))));
        List<GetRecords.ChangeRecord> records = readAll(arn);
        assertEquals(
                List.of("INSERT", "MODIFY", "MODIFY", "REMOVE"),
                records.stream().map(GetRecords.ChangeRecord::eventName).toList(),
                "the same item put again and a delete of a missing item append nothing");
        Map<String, AttributeValue> v3 = item("id", s("a"), "v", n(3));
        List<Map<String, AttributeValue>> olds = java.util.Arrays.asList(null, v1, v2, v3);
        List<Map<String, AttributeValue>> news = java.util.Arrays.asList(v1, v2, v3, null);
        Set<String> ids = new HashSet<>();
        BigInteger previous = BigInteger.ZERO;
        for (int i = 0; i < records.size(); i++) {
            GetRecords.ChangeRecord record = records.get(i);
            assertEquals("1.1", record.eventVersion());
            assertEquals("aws:dynamodb", record.eventSource());
            assertEquals("us-east-1", record.awsRegion());
            assertNull(record.userIdentity());
            assertTrue(ids.add(record.eventId()));
            GetRecords.StreamRecord body = record.dynamodb();
            assertEquals(item("id", s("a")), body.keys());
            assertEquals(viewType.name(), body.streamViewType());
            assertEquals(
                    clock.millis() / 1000, body.approximateCreationDateTime().longValue());
            assertTrue(body.sizeBytes() > 0);
            BigInteger sequence = new BigInteger(body.sequenceNumber());
            assertTrue(sequence.compareTo(previous) > 0, "sequence numbers increase");
            assertEquals(21, body.sequenceNumber().length(), "DynamoDB Streams' model allows 21 to 40 digits");
            assertTrue(sequence.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0, "no client can keep them in a long");
            previous = sequence;
            boolean withNew = viewType == ViewType.NEW_IMAGE || viewType == ViewType.NEW_AND_OLD_IMAGES;
            boolean withOld = viewType == ViewType.OLD_IMAGE || viewType == ViewType.NEW_AND_OLD_IMAGES;
            assertEquals(withNew ? news.get(i) : null, body.newImage());
            assertEquals(withOld ? olds.get(i) : null, body.oldImage());
        }
    }

    @Test
    void tablesWithoutAStreamAppendNothingAndDescribeNoStream() {
        createTable(engine, "Plain", 1, "id:S");
        put("Plain", item("id", s("a")));
        TableDescription table =
                engine.describeTable(new DescribeTable.Request("Plain")).table();
        assertNull(table.streamSpecification());
        assertNull(table.latestStreamArn());
        assertEquals(
                List.of(),
                engine.listStreams(new ListStreams.Request("Plain", null, null)).streams());
    }

    @Test
    void enablingDisablingAndReenablingStreams() {
        String first = createWithStream("Toggled", 2, "NEW_IMAGE");
        TableDescription described =
                engine.describeTable(new DescribeTable.Request("Toggled")).table();
        assertEquals(new StreamSpecification(true, "NEW_IMAGE"), described.streamSpecification());
        assertEquals(first, described.latestStreamArn());
        assertTrue(first.endsWith("/stream/" + described.latestStreamLabel()));
        assertTrue(
                first.startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/Toggled/stream/2026-11-25T10:00:00"));
        put("Toggled", item("id", s("before")));

        DynamoException change = rejected(
                ErrorType.VALIDATION,
                () -> engine.updateTable(new UpdateTable.Request(
                        "Toggled", null, null, null, new StreamSpecification(true, "KEYS_ONLY"))));
        assertThat(change).hasMessageContaining("already has an enabled stream");

        engine.updateTable(new UpdateTable.Request("Toggled", null, null, null, new StreamSpecification(false, null)));
        TableDescription disabled =
                engine.describeTable(new DescribeTable.Request("Toggled")).table();
        assertNull(disabled.streamSpecification());
        assertEquals(first, disabled.latestStreamArn(), "the old stream stays the latest until a new one");
        DescribeStream.StreamDescription old =
                engine.describeStream(DescribeStream.Request.of(first)).streamDescription();
        assertEquals("DISABLED", old.streamStatus());
        assertTrue(
                old.shards().stream().allMatch(sh -> sh.sequenceNumberRange().endingSequenceNumber() != null),
                "disabling closes every shard");
        put("Toggled", item("id", s("while-disabled")));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateTable(
                        new UpdateTable.Request("Toggled", null, null, null, new StreamSpecification(false, null))));

        engine.updateTable(
                new UpdateTable.Request("Toggled", null, null, null, new StreamSpecification(true, "KEYS_ONLY")));
        put("Toggled", item("id", s("after")));
        String second = engine.describeTable(new DescribeTable.Request("Toggled"))
                .table()
                .latestStreamArn();
        assertNotEquals(first, second);
        assertEquals(
                List.of(item("id", s("before"))),
                readAll(first).stream().map(r -> r.dynamodb().keys()).toList(),
                "the old stream stays readable");
        assertEquals(
                List.of(item("id", s("after"))),
                readAll(second).stream().map(r -> r.dynamodb().keys()).toList());
        assertEquals(
                "ENABLED",
                engine.describeStream(DescribeStream.Request.of(second))
                        .streamDescription()
                        .streamStatus());

        ListStreams.Response page1 = engine.listStreams(new ListStreams.Request("Toggled", 1, null));
        assertEquals(1, page1.streams().size());
        ListStreams.Response page2 =
                engine.listStreams(new ListStreams.Request("Toggled", 1, page1.lastEvaluatedStreamArn()));
        assertNull(page2.lastEvaluatedStreamArn());
        assertEquals(
                Set.of(first, second),
                Set.of(
                        page1.streams().get(0).streamArn(),
                        page2.streams().get(0).streamArn()));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateTable(
                        new UpdateTable.Request("Toggled", null, null, null, new StreamSpecification(true, null))));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.updateTable(new UpdateTable.Request(
                        "Toggled", null, null, null, new StreamSpecification(true, "EVERYTHING"))));
    }

    @Test
    void iteratorTypesStartWhereTheySay() {
        String arn = createWithStream("Iter", 1, "KEYS_ONLY");
        for (int i = 0; i < 5; i++) {
            put("Iter", item("id", s("k" + i)));
        }
        String shardId = StreamReading.shards(engine, arn).get(0).shardId();
        List<GetRecords.ChangeRecord> all = readAll(arn);
        assertEquals(5, all.size());
        String third = all.get(2).dynamodb().sequenceNumber();
        assertEquals(List.of("k2", "k3", "k4"), keysFrom(arn, shardId, "AT_SEQUENCE_NUMBER", third));
        assertEquals(List.of("k3", "k4"), keysFrom(arn, shardId, "AFTER_SEQUENCE_NUMBER", third));
        String latest = engine.getShardIterator(GetShardIterator.Request.of(arn, shardId, "LATEST"))
                .shardIterator();
        GetRecords.Response nothingYet = engine.getRecords(GetRecords.Request.of(latest));
        assertEquals(List.of(), nothingYet.records());
        assertNotNull(
                nothingYet.nextShardIterator(),
                "an open shard with nothing new gives an empty page and a fresh iterator");
        put("Iter", item("id", s("k5")));
        GetRecords.Response fresh = engine.getRecords(GetRecords.Request.of(nothingYet.nextShardIterator()));
        assertEquals(
                List.of(item("id", s("k5"))),
                fresh.records().stream().map(r -> r.dynamodb().keys()).toList());
        rejected(
                ErrorType.VALIDATION,
                () -> engine.getShardIterator(new GetShardIterator.Request(arn, shardId, "AT_SEQUENCE_NUMBER", "12")));
        rejected(
                ErrorType.VALIDATION,
                () -> engine.getShardIterator(
                        new GetShardIterator.Request(arn, shardId, "AT_SEQUENCE_NUMBER", "twelve")));
        for (String outside : List.of("9".repeat(40), "0".repeat(21), "1" + "0".repeat(20))) {
            assertThat(rejected(
                            ErrorType.VALIDATION,
                            () -> engine.getShardIterator(
                                    new GetShardIterator.Request(arn, shardId, "AFTER_SEQUENCE_NUMBER", outside))))
                    .hasMessageContaining("outside the range of shard " + shardId);
        }
        rejected(
                ErrorType.VALIDATION,
                () -> engine.getShardIterator(GetShardIterator.Request.of(arn, shardId, "OLDEST")));
        rejected(
                ErrorType.RESOURCE_NOT_FOUND,
                () -> engine.getShardIterator(
                        GetShardIterator.Request.of(arn, "shardId-00000000000000000000-000000ff", "LATEST")));
        rejected(
                ErrorType.RESOURCE_NOT_FOUND,
                () -> engine.getShardIterator(
                        GetShardIterator.Request.of(arn.replace("Iter", "Nope"), shardId, "LATEST")));
    }

    private List<String> keysFrom(String arn, String shardId, String type, String sequence) {
        String iterator = engine.getShardIterator(new GetShardIterator.Request(arn, shardId, type, sequence))
                .shardIterator();
        return engine.getRecords(GetRecords.Request.of(iterator)).records().stream()
                .map(r -> ((AttributeValue.S) r.dynamodb().keys().get("id")).value())
                .toList();
    }

    @Test
    void iteratorsExpireAfterFifteenMinutes() {
        String arn = createWithStream("Expiry", 1, "KEYS_ONLY");
        String shardId = StreamReading.shards(engine, arn).get(0).shardId();
        String iterator = engine.getShardIterator(GetShardIterator.Request.of(arn, shardId, "TRIM_HORIZON"))
                .shardIterator();
        clock.advance(Duration.ofMinutes(15));
        String next = engine.getRecords(GetRecords.Request.of(iterator)).nextShardIterator();
        clock.advance(Duration.ofMinutes(15).plusMillis(1));
        rejected(ErrorType.EXPIRED_ITERATOR, () -> engine.getRecords(GetRecords.Request.of(next)));
        rejected(ErrorType.VALIDATION, () -> engine.getRecords(GetRecords.Request.of("not-an-iterator")));
    }

    @Test
    void getRecordsHonoursLimitAndOneMegabyte() {
        String arn = createWithStream("Pages", 1, "NEW_IMAGE");
        for (int i = 0; i < 30; i++) {
            put("Pages", item("id", s("k" + i), "blob", s("x".repeat(100 * 1024))));
        }
        String shardId = StreamReading.shards(engine, arn).get(0).shardId();
        String iterator = engine.getShardIterator(GetShardIterator.Request.of(arn, shardId, "TRIM_HORIZON"))
                .shardIterator();
        GetRecords.Response one = engine.getRecords(new GetRecords.Request(iterator, 1));
        assertEquals(1, one.records().size());
        GetRecords.Response big = engine.getRecords(GetRecords.Request.of(one.nextShardIterator()));
        assertTrue(
                big.records().size() >= 8 && big.records().size() <= 10,
                "1 MB of ~100 KB records: " + big.records().size());
        assertEquals(30, StreamReading.readShard(engine, arn, shardId, 1000).size());
        rejected(ErrorType.VALIDATION, () -> engine.getRecords(new GetRecords.Request(iterator, 0)));
        rejected(ErrorType.VALIDATION, () -> engine.getRecords(new GetRecords.Request(iterator, 1001)));
    }

    @Test
    void partitionSplitClosesTheShardAndOpensTwoChildren() {
        String arn = createWithStream("Lineage", 1, "KEYS_ONLY");
        for (int i = 0; i < 50; i++) {
            put("Lineage", item("id", s("k" + i)));
        }
        DescribeStream.Shard parent = StreamReading.shards(engine, arn).get(0);
        engine.splitPartition("Lineage", 0);
        for (int i = 50; i < 100; i++) {
            put("Lineage", item("id", s("k" + i)));
        }
        List<DescribeStream.Shard> shards = StreamReading.shards(engine, arn);
        assertEquals(3, shards.size());
        DescribeStream.Shard closed = shards.get(0);
        assertEquals(parent.shardId(), closed.shardId());
        assertNotNull(closed.sequenceNumberRange().endingSequenceNumber());
        for (DescribeStream.Shard child : shards.subList(1, 3)) {
            assertEquals(parent.shardId(), child.parentShardId());
            assertNull(child.sequenceNumberRange().endingSequenceNumber());
            assertTrue(child.shardId().matches("shardId-\\d{20}-[0-9a-f]{8}"), child.shardId());
            assertTrue(new BigInteger(child.sequenceNumberRange().startingSequenceNumber())
                            .compareTo(
                                    new BigInteger(closed.sequenceNumberRange().endingSequenceNumber()))
                    > 0);
        }
        List<DescribeStream.Shard> children = engine.describeStream(new DescribeStream.Request(
                        arn, null, null, new DescribeStream.ShardFilter("CHILD_SHARDS", parent.shardId())))
                .streamDescription()
                .shards();
        assertEquals(shards.subList(1, 3), children);
        List<GetRecords.ChangeRecord> parentRecords = StreamReading.readShard(engine, arn, parent.shardId(), 1000);
        assertEquals(50, parentRecords.size(), "a fully read closed shard ends (no NextShardIterator)");
        assertEquals(100, readAll(arn).size());
        DescribeStream.StreamDescription firstPage = engine.describeStream(
                        new DescribeStream.Request(arn, 2, null, null))
                .streamDescription();
        assertEquals(2, firstPage.shards().size());
        assertEquals(firstPage.shards().get(1).shardId(), firstPage.lastEvaluatedShardId());
    }

    @Test
    void shardsRollOverAtTheRolloverAge() {
        String arn = createWithStream("Rolling", 2, "KEYS_ONLY");
        put("Rolling", item("id", s("first")));
        clock.advance(Duration.ofHours(3));
        engine.runMaintenance();
        assertEquals(2, StreamReading.shards(engine, arn).size(), "not yet due");
        clock.advance(Duration.ofHours(1));
        engine.runMaintenance();
        List<DescribeStream.Shard> shards = StreamReading.shards(engine, arn);
        assertEquals(4, shards.size());
        assertNotNull(shards.get(0).sequenceNumberRange().endingSequenceNumber());
        assertEquals(shards.get(0).shardId(), shards.get(2).parentShardId());
        assertEquals(shards.get(1).shardId(), shards.get(3).parentShardId());
        put("Rolling", item("id", s("second")));
        assertEquals(
                List.of("first", "second"),
                readAll(arn).stream()
                        .map(r -> ((AttributeValue.S) r.dynamodb().keys().get("id")).value())
                        .toList());
    }

    @Test
    void recordsPastRetentionAreTrimmedAndReadingThemIsAnError() {
        String arn = createWithStream("Retained", 1, "KEYS_ONLY");
        put("Retained", item("id", s("old")));
        String firstShard = StreamReading.shards(engine, arn).get(0).shardId();
        String oldSequence = readAll(arn).get(0).dynamodb().sequenceNumber();
        clock.advance(Duration.ofHours(4));
        engine.runMaintenance();
        String secondShard = StreamReading.shards(engine, arn).get(1).shardId();
        put("Retained", item("id", s("new")));

        clock.advance(Duration.ofHours(20).plusMinutes(1));
        String beforeTrim = engine.getShardIterator(GetShardIterator.Request.of(arn, firstShard, "TRIM_HORIZON"))
                .shardIterator();
        engine.runMaintenance();
        assertEquals(
                List.of("new"),
                readAll(arn).stream()
                        .map(r -> ((AttributeValue.S) r.dynamodb().keys().get("id")).value())
                        .toList());
        DynamoException trimmed =
                rejected(ErrorType.TRIMMED_DATA_ACCESS, () -> engine.getRecords(GetRecords.Request.of(beforeTrim)));
        assertThat(trimmed).hasMessageContaining(firstShard);
        rejected(
                ErrorType.TRIMMED_DATA_ACCESS,
                () -> engine.getShardIterator(
                        new GetShardIterator.Request(arn, firstShard, "AT_SEQUENCE_NUMBER", oldSequence)));
        String horizon = engine.getShardIterator(GetShardIterator.Request.of(arn, firstShard, "TRIM_HORIZON"))
                .shardIterator();
        GetRecords.Response rest = engine.getRecords(GetRecords.Request.of(horizon));
        assertEquals(List.of(), rest.records());
        assertNull(rest.nextShardIterator(), "the trimmed, closed shard has nothing left");

        clock.advance(Duration.ofHours(4));
        engine.runMaintenance();
        List<DescribeStream.Shard> shards = StreamReading.shards(engine, arn);
        assertFalse(
                shards.stream().anyMatch(sh -> sh.shardId().equals(firstShard)),
                "a closed shard past retention leaves DescribeStream");
        assertEquals(
                firstShard,
                shards.stream()
                        .filter(sh -> sh.shardId().equals(secondShard))
                        .findFirst()
                        .orElseThrow()
                        .parentShardId(),
                "lineage still names the trimmed parent");
        rejected(
                ErrorType.RESOURCE_NOT_FOUND,
                () -> engine.getShardIterator(GetShardIterator.Request.of(arn, firstShard, "TRIM_HORIZON")));
    }
}
