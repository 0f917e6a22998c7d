package io.shardline.engine.ttl;

import static io.shardline.engine.testing.Items.tableWithStream;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.engine.Engine;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.DescribeTimeToLive;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.PutItem;
import io.shardline.engine.api.TimeToLiveSpecification;
import io.shardline.engine.api.UpdateTimeToLive;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.MutableClock;
import io.shardline.engine.testing.StreamReading;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TtlSweeperTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Engine engine = Engine.open(EngineConfig.inMemory()
            .withClock(clock)
            .withMaintenanceInterval(Duration.ofDays(1))
            .withTtlBatchSize(7));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void timeToLiveIsEnabledDescribedAndDisabled() {
        engine.createTable(tableWithStream("Ttl", 2, null, "id:S"));
        assertEquals(
                "DISABLED",
                engine.describeTimeToLive(new DescribeTimeToLive.Request("Ttl"))
                        .timeToLiveDescription()
                        .timeToLiveStatus());
        engine.updateTimeToLive(new UpdateTimeToLive.Request("Ttl", new TimeToLiveSpecification(true, "expires")));
        DescribeTimeToLive.TimeToLiveDescription enabled =
                engine.describeTimeToLive(new DescribeTimeToLive.Request("Ttl")).timeToLiveDescription();
        assertEquals("ENABLED", enabled.timeToLiveStatus());
        assertEquals("expires", enabled.attributeName());
        assertEquals(
                ErrorType.VALIDATION,
                assertThrows(
                                DynamoException.class,
                                () -> engine.updateTimeToLive(new UpdateTimeToLive.Request(
                                        "Ttl", new TimeToLiveSpecification(true, "other"))))
                        .type());
        engine.updateTimeToLive(new UpdateTimeToLive.Request("Ttl", new TimeToLiveSpecification(false, "expires")));
        assertEquals(
                "DISABLED",
                engine.describeTimeToLive(new DescribeTimeToLive.Request("Ttl"))
                        .timeToLiveDescription()
                        .timeToLiveStatus());
        assertEquals(
                ErrorType.RESOURCE_NOT_FOUND,
                assertThrows(
                                DynamoException.class,
                                () -> engine.describeTimeToLive(new DescribeTimeToLive.Request("Nope")))
                        .type());
    }

    @Test
    void expiredItemsAreDeletedInBatchesWithServiceRemoveRecords() {
        String arn = engine.createTable(tableWithStream("Ttl", 2, "NEW_AND_OLD_IMAGES", "id:S"))
                .tableDescription()
                .latestStreamArn();
        engine.updateTimeToLive(new UpdateTimeToLive.Request("Ttl", new TimeToLiveSpecification(true, "expires")));
        long now = clock.millis() / 1000;
        for (int i = 0; i < 20; i++) {
            engine.putItem(PutItem.Request.of("Ttl", item("id", s("past" + i), "expires", n(now - 1))));
            engine.putItem(PutItem.Request.of("Ttl", item("id", s("future" + i), "expires", n(now + 3600))));
        }
        engine.putItem(PutItem.Request.of("Ttl", item("id", s("text"), "expires", s("yesterday"))));
        engine.putItem(PutItem.Request.of("Ttl", item("id", s("none"))));
        for (int run = 0; run < 7; run++) {
            engine.runMaintenance();
        }
        assertEquals(
                22L,
                engine.describeTable(new DescribeTable.Request("Ttl")).table().itemCount(),
                "41 items over runs of at most 7 examined items: all 20 expired ones gone");
        List<GetRecords.ChangeRecord> removes = StreamReading.readAll(engine, arn).stream()
                .filter(r -> r.eventName().equals("REMOVE"))
                .toList();
        assertEquals(20, removes.size());
        for (GetRecords.ChangeRecord remove : removes) {
            assertEquals(new GetRecords.Identity("dynamodb.amazonaws.com", "Service"), remove.userIdentity());
            assertEquals(n(now - 1), remove.dynamodb().oldImage().get("expires"));
            assertNull(remove.dynamodb().newImage());
        }
        clock.advance(Duration.ofHours(2));
        for (int run = 0; run < 7; run++) {
            engine.runMaintenance();
        }
        assertEquals(
                2L,
                engine.describeTable(new DescribeTable.Request("Ttl")).table().itemCount());
    }

    @Test
    void aTtlIntervalOfItsOwnSweepsWhileTheRestOfTheMaintenanceWaits() throws InterruptedException {
        try (Engine sweeping = Engine.open(EngineConfig.inMemory()
                .withMaintenanceInterval(Duration.ofDays(1))
                .withTtlInterval(Duration.ofMillis(50)))) {
            sweeping.createTable(tableWithStream("Ttl", 1, "NEW_AND_OLD_IMAGES", "id:S"));
            sweeping.updateTimeToLive(
                    new UpdateTimeToLive.Request("Ttl", new TimeToLiveSpecification(true, "expires")));
            sweeping.putItem(PutItem.Request.of(
                    "Ttl", item("id", s("gone"), "expires", n(System.currentTimeMillis() / 1000 - 1))));
            Await.until(
                    Duration.ofSeconds(30),
                    () -> sweeping.describeTable(new DescribeTable.Request("Ttl"))
                                    .table()
                                    .itemCount()
                            == 0,
                    "the sweeper, on its own 50 ms schedule, deleting the expired item");
        }
    }
}
