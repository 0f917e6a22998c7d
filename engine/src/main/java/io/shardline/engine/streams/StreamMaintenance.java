package io.shardline.engine.streams;

import io.shardline.engine.changelog.ShardDefinition;
import io.shardline.engine.changelog.ShardReader;
import io.shardline.engine.changelog.StreamDefinition;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Store;
import io.shardline.engine.table.Table;
import io.shardline.engine.table.TableCatalog;
import io.shardline.engine.table.TableDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The periodic work of streams: rolls open shards over once they reach the rollover age, trims
 * records older than the retention period, and forgets closed shards (and disabled streams) whose
 * records have all passed retention.
 */
public final class StreamMaintenance {
    private final Store store;
    private final TableCatalog catalog;
    private final ShardReader reader;
    private final Duration rolloverAge;
    private final Duration retention;
    private final Clock clock;

    public StreamMaintenance(
            Store store,
            TableCatalog catalog,
            ShardReader reader,
            Duration rolloverAge,
            Duration retention,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.reader = reader;
        this.rolloverAge = rolloverAge;
        this.retention = retention;
        this.clock = clock;
    }

    /** One pass over every table. */
    public void run() {
        for (Table table : catalog.all()) {
            if (!table.definition().streams().isEmpty()) {
                rollOver(table, clock.millis() - rolloverAge.toMillis());
                trim(table, clock.millis() - retention.toMillis());
            }
        }
    }

    /** Rolls every open shard of the table's stream over now, whatever its age; how many were closed. */
    public int rollOverNow(Table table) {
        long open = table.definition().enabledStream().stream()
                .flatMap(s -> s.shards().stream())
                .filter(ShardDefinition::isOpen)
                .count();
        rollOver(table, clock.millis());
        return (int) open;
    }

    /** Trims the table's stream up to now, as if retention had passed for every record written so far. */
    public void trimNow(Table table) {
        trim(table, clock.millis());
    }

    private void rollOver(Table table, long due) {
        boolean anyDue = table.definition().enabledStream().stream()
                .flatMap(s -> s.shards().stream())
                .anyMatch(s -> s.isOpen() && s.createdAtMillis() <= due);
        if (!anyDue) {
            return;
        }
        table.whileNoWrites(() -> {
            if (table.isDeleted() || table.definition().enabledStream().isEmpty()) {
                return null;
            }
            long now = clock.millis();
            TableDefinition updated = table.definition();
            for (ShardDefinition shard : updated.enabledStream().get().shards()) {
                if (shard.isOpen() && shard.createdAtMillis() <= due) {
                    TableDefinition base = updated;
                    updated = table.withStreamChange(
                            base,
                            now,
                            lineage -> lineage.rollover(base.enabledStream().get(), shard.number()));
                }
            }
            try (Batch batch = store.batch()) {
                catalog.redefine(table, updated, batch);
            }
            return null;
        });
    }

    private void trim(Table table, long horizon) {
        boolean anyExpired = false;
        for (StreamDefinition stream : table.definition().streams()) {
            for (ShardDefinition shard : stream.shards()) {
                reader.trim(table.id(), shard.number(), horizon, table.trimHorizon());
                anyExpired |= !shard.isOpen() && shard.closedAtMillis() < horizon;
            }
        }
        if (anyExpired) {
            forgetExpiredShards(table, horizon);
        }
    }

    private void forgetExpiredShards(Table table, long horizon) {
        List<ShardDefinition> dropped = new ArrayList<>();
        table.whileNoWrites(() -> {
            if (table.isDeleted()) {
                return null;
            }
            TableDefinition current = table.definition();
            List<StreamDefinition> kept = new ArrayList<>();
            for (StreamDefinition stream : current.streams()) {
                List<ShardDefinition> shards = new ArrayList<>();
                for (ShardDefinition shard : stream.shards()) {
                    if (!shard.isOpen() && shard.closedAtMillis() < horizon) {
                        dropped.add(shard);
                    } else {
                        shards.add(shard);
                    }
                }
                if (stream.isEnabled() || !shards.isEmpty()) {
                    kept.add(stream.withShards(shards));
                }
            }
            try (Batch batch = store.batch()) {
                catalog.redefine(table, current.withStreams(kept, current.nextShardNumber()), batch);
            }
            return null;
        });
        for (ShardDefinition shard : dropped) {
            reader.drop(table.id(), shard.number(), table.trimHorizon());
        }
    }
}
