package io.shardline.engine.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.control.ControllableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's command line. */
class LaunchOptionsTest {

    @Test
    void optionsChooseStorageServerAndAuth(@TempDir Path dir) throws Exception {
        LaunchOptions durable = LaunchOptions.parse(new String[] {
            "--data-dir", "/tmp/x", "--partitions", "2", "--port", "9000", "--host", "0.0.0.0", "--region", "eu-west-1"
        });
        assertEquals(Path.of("/tmp/x"), durable.engine().dataDir());
        assertEquals(2, durable.engine().defaultPartitions());
        assertEquals("eu-west-1", durable.engine().region());
        assertEquals(9000, durable.server().port());
        assertEquals("0.0.0.0", durable.server().host());
        assertNull(durable.server().credentials());
        assertEquals("127.0.0.1", LaunchOptions.parse(new String[] {}).server().host(), "loopback by default");
        assertNull(LaunchOptions.parse(new String[] {"--in-memory"}).engine().dataDir());
        assertTrue(LaunchOptions.parse(new String[] {"--help"}).help());
        Path credentials = dir.resolve("credentials.properties");
        Files.writeString(credentials, "AKIDEXAMPLE=secret\n");
        assertEquals(
                Map.of("AKIDEXAMPLE", "secret"),
                LaunchOptions.parse(new String[] {"--auth", "strict", "--credentials", credentials.toString()})
                        .server()
                        .credentials());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--partitions", "many"}));
        assertThat(bad).hasMessageContaining("'many'");
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--port"}));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--auth", "strict"}));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--auth", "maybe"}));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--bogus"}));
        LaunchOptions bounded =
                LaunchOptions.parse(new String[] {"--max-heap", "1g", "--request-timeout", "5", "--idle-timeout", "7"});
        assertEquals("1g", bounded.maxHeap());
        assertEquals(5_000, bounded.server().requestTimeoutMillis());
        assertEquals(7_000, bounded.server().idleTimeoutMillis());
        assertEquals(
                LaunchOptions.DEFAULT_MAX_HEAP,
                LaunchOptions.parse(new String[] {}).maxHeap());
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--max-heap", "lots"}))
                .getMessage()
                .contains("'lots'"));
        assertThrows(
                IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--request-timeout", "0"}));
    }

    @Test
    void streamAndPartitionSettingsTakeUnitsUsersRead() {
        LaunchOptions options = LaunchOptions.parse(new String[] {
            "--partition-split-size",
            "256KB",
            "--shard-rollover",
            "5s",
            "--stream-retention",
            "90m",
            "--maintenance-interval",
            "100ms"
        });
        assertEquals(256 * 1024, options.engine().partitionSplitBytes());
        assertEquals(Duration.ofSeconds(5), options.engine().shardRolloverAge());
        assertEquals(Duration.ofMinutes(90), options.engine().streamRetention());
        assertEquals(Duration.ofMillis(100), options.engine().maintenanceInterval());
        assertEquals(
                Duration.ofSeconds(10),
                LaunchOptions.parse(new String[] {"--ttl-interval", "10s"})
                        .engine()
                        .ttlInterval());
        assertEquals(null, options.engine().ttlInterval(), "without --ttl-interval, TTL sweeps with the maintenance");
        assertThat(assertThrows(
                                IllegalArgumentException.class,
                                () -> LaunchOptions.parse(new String[] {"--admin-keys", "admin"}))
                        .getMessage())
                .contains("--admin-keys needs --auth strict");
        assertEquals(
                64L << 20,
                LaunchOptions.parse(new String[] {"--partition-split-size", "64mb"})
                        .engine()
                        .partitionSplitBytes());
        assertEquals(
                1000,
                LaunchOptions.parse(new String[] {"--partition-split-size", "1000"})
                        .engine()
                        .partitionSplitBytes());
        LaunchOptions defaults = LaunchOptions.parse(new String[] {});
        assertEquals(Duration.ofHours(4), defaults.engine().shardRolloverAge());
        assertEquals(Duration.ofHours(24), defaults.engine().streamRetention());
        assertThat(assertThrows(
                                IllegalArgumentException.class,
                                () -> LaunchOptions.parse(new String[] {"--shard-rollover", "5"}))
                        .getMessage())
                .contains("--shard-rollover")
                .contains("'5'");
        assertThat(assertThrows(
                                IllegalArgumentException.class,
                                () -> LaunchOptions.parse(new String[] {"--partition-split-size", "-1MB"}))
                        .getMessage())
                .contains("'-1MB'");
        assertThrows(
                IllegalArgumentException.class,
                () -> LaunchOptions.parse(new String[] {"--partition-split-size", "99999999999TB"}));
        assertThrows(
                IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--stream-retention", "0h"}));
    }

    @Test
    void theMovableClockIsItsOwnSettingThatInMemoryEnginesDefaultTo() {
        assertThat(LaunchOptions.parse(new String[] {"--in-memory"}).engine().clock())
                .isInstanceOf(ControllableClock.class);
        assertThat(LaunchOptions.parse(new String[] {"--in-memory", "--clock", "system"})
                        .engine()
                        .clock())
                .isNotInstanceOf(ControllableClock.class);
        assertThat(LaunchOptions.parse(new String[] {}).engine().clock()).isNotInstanceOf(ControllableClock.class);
        assertThat(LaunchOptions.parse(new String[] {"--clock", "movable"})
                        .engine()
                        .clock())
                .isInstanceOf(ControllableClock.class);
        assertThat(assertThrows(
                                IllegalArgumentException.class,
                                () -> LaunchOptions.parse(new String[] {"--clock", "fast"}))
                        .getMessage())
                .contains("--clock")
                .contains("fast");
        assertThat(LaunchOptions.usage().replaceAll("\\s+", " "))
                .startsWith("Usage: java -jar shardline-engine.jar [options] ")
                .contains("--clock=KIND")
                .contains("default: movable with --in-memory, else system")
                .contains("--port=N")
                .contains("(default: 8000; 0 picks a free port)")
                .contains("control --help");
    }

    @Test
    void rehearsalIsOnlyThereWhenAskedForOrInMemory() {
        assertThat(LaunchOptions.parse(new String[] {}).server().rehearsal()).isFalse();
        assertThat(LaunchOptions.parse(new String[] {"--rehearsal"}).server().rehearsal())
                .isTrue();
        assertThat(LaunchOptions.parse(new String[] {"--in-memory"}).server().rehearsal())
                .isTrue();
        assertThat(LaunchOptions.parse(new String[] {"--in-memory", "--no-rehearsal"})
                        .server()
                        .rehearsal())
                .isFalse();
        assertThat(LaunchOptions.usage().replaceAll("\\s+", " "))
                .contains("--[no-]rehearsal")
                .contains("default: on with --in-memory, else off");
    }
}
