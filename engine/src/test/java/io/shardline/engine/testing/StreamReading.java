package io.shardline.engine.testing;

import io.shardline.engine.Engine;
import io.shardline.engine.api.DescribeStream;
import io.shardline.engine.api.GetRecords;
import io.shardline.engine.api.GetShardIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a whole stream the way a consumer must: every shard to its end, each after its parent. */
public final class StreamReading {
    private StreamReading() {}

    /** Every shard of a stream, through all DescribeStream pages. */
    public static List<DescribeStream.Shard> shards(Engine engine, String streamArn) {
        List<DescribeStream.Shard> shards = new ArrayList<>();
        String start = null;
        do {
            DescribeStream.StreamDescription page = engine.describeStream(
                            new DescribeStream.Request(streamArn, 7, start, null))
                    .streamDescription();
            shards.addAll(page.shards());
            start = page.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    /** All records of one shard from TRIM_HORIZON until the iterator ends or a page comes back empty. */
    public static List<GetRecords.ChangeRecord> readShard(Engine engine, String streamArn, String shardId, int limit) {
        List<GetRecords.ChangeRecord> records = new ArrayList<>();
        String iterator = engine.getShardIterator(GetShardIterator.Request.of(streamArn, shardId, "TRIM_HORIZON"))
                .shardIterator();
        while (iterator != null) {
            GetRecords.Response page = engine.getRecords(new GetRecords.Request(iterator, limit));
            records.addAll(page.records());
            if (page.records().isEmpty() && page.nextShardIterator() != null) {
                break;
            }
            iterator = page.nextShardIterator();
        }
        return records;
    }

    /** Every record of the stream, reading each shard only after its parent (parents trimmed away count as read). */
    public static List<GetRecords.ChangeRecord> readAll(Engine engine, String streamArn) {
        List<DescribeStream.Shard> shards = shards(engine, streamArn);
        Set<String> known = new HashSet<>();
        shards.forEach(s -> known.add(s.shardId()));
        Set<String> done = new HashSet<>();
        List<GetRecords.ChangeRecord> records = new ArrayList<>();
        while (done.size() < shards.size()) {
            boolean progress = false;
            for (DescribeStream.Shard shard : shards) {
                boolean parentDone = shard.parentShardId() == null
                        || !known.contains(shard.parentShardId())
                        || done.contains(shard.parentShardId());
                if (!done.contains(shard.shardId()) && parentDone) {
                    records.addAll(readShard(engine, streamArn, shard.shardId(), 1000));
                    done.add(shard.shardId());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("shard lineage has a cycle: " + shards);
            }
        }
        return records;
    }
}
