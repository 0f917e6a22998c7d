package io.shardline.engine.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A consumer that follows a stream while it is written: it polls every readable shard, starting a
 * child only after its parent ended, until {@code writesDone} holds and every shard is drained.
 */
public final class StreamTailer {
    private StreamTailer() {}

    public static List<GetRecords.ChangeRecord> tail(Engine engine, String streamArn, BooleanSupplier writesDone) {
        List<GetRecords.ChangeRecord> records = new ArrayList<>();
        Map<String, String> iterators = new HashMap<>();
        Set<String> finished = new HashSet<>();
        while (true) {
            boolean done = writesDone.getAsBoolean();
            List<DescribeStream.Shard> shards = StreamReading.shards(engine, streamArn);
            boolean anyRecords = false;
            for (DescribeStream.Shard shard : shards) {
                String id = shard.shardId();
                if (finished.contains(id)) {
                    continue;
                }
                if (shard.parentShardId() != null
                        && !finished.contains(shard.parentShardId())
                        && shards.stream().anyMatch(s -> s.shardId().equals(shard.parentShardId()))) {
                    continue;
                }
                String iterator = iterators.computeIfAbsent(
                        id,
                        k -> engine.getShardIterator(GetShardIterator.Request.of(streamArn, k, "TRIM_HORIZON"))
                                .shardIterator());
                GetRecords.Response page = engine.getRecords(GetRecords.Request.of(iterator));
                records.addAll(page.records());
                anyRecords |= !page.records().isEmpty();
                if (page.nextShardIterator() == null) {
                    finished.add(id);
                    iterators.remove(id);
                } else {
                    iterators.put(id, page.nextShardIterator());
                }
            }
            boolean allClosedDone = shards.stream()
                    .allMatch(s -> finished.contains(s.shardId())
                            || s.sequenceNumberRange().endingSequenceNumber() == null);
            if (done && !anyRecords && allClosedDone) {
                return records;
            }
        }
    }
}
