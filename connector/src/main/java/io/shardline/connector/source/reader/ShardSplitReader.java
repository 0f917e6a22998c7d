package io.shardline.connector.source.reader;

import io.shardline.connector.source.ChangeRecord;
import io.shardline.connector.source.ShardlineSourceOptions;
import io.shardline.connector.source.ShardlineSourceOptions.TrimmedDataPolicy;
import io.shardline.connector.source.StartingPosition;
import io.shardline.connector.source.TrimmedStreamException;
import io.shardline.connector.source.split.ShardSplit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the shards assigned to one reader, on the fetcher thread: each fetch makes one GetRecords
 * call per shard, round robin; a shard whose parent this reader still reads waits for it. A shard
 * whose iterator ends is finished. When every shard had nothing new the fetch waits, first a
 * twentieth of the idle poll interval and twice as long after each further empty round, up to the
 * whole interval (woken early for new splits or shutdown): busy shards are read within milliseconds
 * of a write, and idle shards cost almost nothing. An expired iterator is renewed after the last record read, losing nothing.
 * Records trimmed by retention before they were read, or a shard that has left the stream, fail the
 * job without restarts ({@link TrimmedStreamException}) naming the shard and position, or are
 * skipped, as {@link ShardlineSourceOptions#ON_TRIMMED_DATA}
 * says. Records older than a split's start time (AT_TIMESTAMP) are passed over by the emitter, after
 * the split's position has moved past them.
 */
@Internal
public final class ShardSplitReader implements SplitReader<ChangeRecord, ShardSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(ShardSplitReader.class);
    private final DynamoDbStreamsClient client;
    private final int recordsPerGet;
    private final Duration idlePoll;
    private final boolean bounded;
    private final TrimmedDataPolicy onTrimmed;
    private final ShardReaderMetrics metrics;
    private final Map<String, Reading> readings = new LinkedHashMap<>();
    private final Set<String> readFromStart;
    private final Object idle = new Object();
    private boolean woken;
    /** How long the next wait for new records lasts; 0 after a round that found records. */
    private long nextWaitMillis;

    /** Where one shard's reading stands. */
    private static final class Reading {
        final ShardSplit split;
        final ShardReaderMetrics.SplitMetrics metrics;
        String iterator;
        String lastSequence;
        /** Whether the latest read was still throttled after the client's retries. */
        boolean throttled;

        Reading(ShardSplit split, ShardReaderMetrics.SplitMetrics metrics) {
            this.split = split;
            this.metrics = metrics;
            this.lastSequence = split.afterSequenceNumber();
        }
    }

    /**
     * @param bounded       when true, a shard ends at its first empty page (what was latest when it was read)
     * @param readFromStart where this reader notes the splits it read from their shards' first
     *                      records, for their checkpoints (shared with its {@link ShardSourceReader})
     */
    public ShardSplitReader(
            DynamoDbStreamsClient client,
            int recordsPerGet,
            Duration idlePoll,
            boolean bounded,
            TrimmedDataPolicy onTrimmed,
            ShardReaderMetrics metrics,
            Set<String> readFromStart) {
        this.readFromStart = readFromStart;
        this.client = client;
        this.recordsPerGet = recordsPerGet;
        this.idlePoll = idlePoll;
        this.bounded = bounded;
        this.onTrimmed = onTrimmed;
        this.metrics = metrics;
    }

    @Override
    public RecordsWithSplitIds<ChangeRecord> fetch() throws IOException {
        // In reading order: a parent finishing in this round is emitted before its children, read after it.
        Map<String, Collection<ChangeRecord>> records = new LinkedHashMap<>();
        Set<String> finished = new HashSet<>();
        boolean anyRecords = false;
        for (Reading reading : new ArrayList<>(readings.values())) {
            if (parentStillReading(reading.split)) {
                continue;
            }
            long started = System.nanoTime();
            GetRecordsResponse page = getRecords(reading);
            if (page == null) {
                continue;
            }
            long bytes = 0;
            List<ChangeRecord> read = new ArrayList<>(page.records().size());
            for (Record record : page.records()) {
                reading.lastSequence = record.dynamodb().sequenceNumber();
                bytes += record.dynamodb().sizeBytes() == null
                        ? 0
                        : record.dynamodb().sizeBytes();
                Instant created = record.dynamodb().approximateCreationDateTime();
                if (created != null) {
                    long behind = System.currentTimeMillis() - created.toEpochMilli();
                    metrics.behindLatest(behind);
                    reading.metrics.behindLatest(behind);
                }
                read.add(ChangeRecord.of(record, reading.split.shardId()));
            }
            metrics.getRecords(
                    (System.nanoTime() - started) / 1_000_000, page.records().size(), bytes);
            reading.metrics.read(page.records().size(), bytes);
            anyRecords |= !read.isEmpty();
            String splitId = reading.split.splitId();
            if (!read.isEmpty()) {
                records.put(splitId, read);
            } else {
                reading.metrics.behindLatest(0);
            }
            reading.iterator = page.nextShardIterator();
            if (reading.iterator == null || (bounded && read.isEmpty())) {
                LOG.info(
                        "Shard {} ended{}",
                        splitId,
                        reading.lastSequence == null
                                ? " with no record read"
                                : " after sequence number " + reading.lastSequence);
                finished.add(splitId);
                readings.remove(splitId);
            }
        }
        if (!anyRecords && finished.isEmpty()) {
            metrics.behindLatest(0);
            waitIdle();
        } else {
            nextWaitMillis = 0;
        }
        return new RecordsBySplits<>(records, finished);
    }

    /**
     * Whether this reader still reads the split's parent: after a restore a reader can hold a parent
     * it is reading again and a child assigned to it, and the child must wait.
     */
    private boolean parentStillReading(ShardSplit split) {
        return split.parentId() != null && readings.containsKey(split.parentId().toString());
    }

    /**
     * The next page of a shard. Throttling, 5xx errors and unreachable endpoints are retried by the
     * client (see DynamoClientSettings); a read still throttled after that answers null and is tried
     * again after the idle pause, since the stream's read limits hold back a busy shard without
     * anything being wrong; what else still fails fails the fetch, naming the shard.
     */
    private GetRecordsResponse getRecords(Reading reading) throws IOException {
        try {
            if (reading.iterator == null) {
                reading.iterator = newIterator(reading);
            }
            GetRecordsResponse page;
            try {
                page = client.getRecords(r -> r.shardIterator(reading.iterator).limit(recordsPerGet));
            } catch (ExpiredIteratorException e) {
                LOG.info(
                        "The iterator of shard {} expired; renewing it after sequence number {}",
                        reading.split.splitId(),
                        reading.lastSequence);
                metrics.iteratorRenewed();
                reading.iterator = newIterator(reading);
                page = client.getRecords(r -> r.shardIterator(reading.iterator).limit(recordsPerGet));
            }
            if (reading.throttled) {
                LOG.info("Shard {} is read again after throttling", reading.split.splitId());
                reading.throttled = false;
            }
            return page;
        } catch (TrimmedDataAccessException e) {
            giveUp(reading, "were trimmed by the stream's retention before they were read", e);
            reading.lastSequence = null;
            reading.iterator = client.getShardIterator(r -> r.streamArn(reading.split.streamArn())
                            .shardId(reading.split.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            return client.getRecords(r -> r.shardIterator(reading.iterator).limit(recordsPerGet));
        } catch (ResourceNotFoundException e) {
            // An empty page without a next iterator: the shard is finished.
            giveUp(reading, "are gone: the shard or its stream is no longer there", e);
            return GetRecordsResponse.builder().build();
        } catch (SdkServiceException e) {
            if (!isThrottling(e)) {
                throw new IOException(
                        "Reading " + reading.split.shardId() + " of " + reading.split.streamArn()
                                + " after sequence number " + reading.lastSequence + " failed, retries included: "
                                + e.getMessage(),
                        e);
            }
            metrics.readThrottled();
            if (!reading.throttled) {
                LOG.info(
                        "Reading shard {} is throttled beyond the client's retries ({}); trying again after the "
                                + "idle pause until it is not",
                        reading.split.splitId(),
                        e.getMessage());
                reading.throttled = true;
            }
            return null;
        } catch (SdkException e) {
            throw new IOException(
                    "Reading " + reading.split.shardId() + " of " + reading.split.streamArn() + " after "
                            + "sequence number " + reading.lastSequence + " failed, retries included: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Records of a shard that this reader has not read are lost: fails, naming the shard and the
     * position after which records were lost, unless the policy says to skip them (logged and counted).
     */
    private void giveUp(Reading reading, String why, SdkException cause) {
        String gap = "records of " + reading.split.shardId() + " in " + reading.split.streamArn()
                + (reading.lastSequence != null
                        ? " after sequence number " + reading.lastSequence
                        : " from its first record, sequence number " + reading.split.startingSequenceNumber())
                + " " + why;
        if (onTrimmed == TrimmedDataPolicy.FAIL) {
            throw new TrimmedStreamException(
                    gap + "; set " + ShardlineSourceOptions.ON_TRIMMED_DATA.key() + " to "
                            + TrimmedDataPolicy.SKIP_TO_TRIM_HORIZON + " to continue without them",
                    cause);
        }
        LOG.warn("{}; continuing without them", gap);
        metrics.trimmedGapSkipped();
    }

    /**
     * An iterator after the last record read; without one, at the shard's latest position, or at its
     * first record. A shard whose first records were trimmed is a gap ({@link TrimmedDataAccessException}),
     * unless the split may start at the trim horizon and has not been read from its first record yet.
     * Once a split is read from its first record, {@code readFromStart} says so, and its checkpoints
     * keep it: a restore that finds the start trimmed then reports the records lost.
     */
    private String newIterator(Reading reading) {
        ShardSplit split = reading.split;
        GetShardIteratorRequest.Builder request =
                GetShardIteratorRequest.builder().streamArn(split.streamArn()).shardId(split.shardId());
        if (reading.lastSequence != null) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(reading.lastSequence);
        } else if (split.start() instanceof StartingPosition.Latest) {
            request.shardIteratorType(ShardIteratorType.LATEST);
        } else if (split.startingSequenceNumber() == null) {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        } else {
            request.shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                    .sequenceNumber(split.startingSequenceNumber());
            try {
                String iterator = client.getShardIterator(request.build()).shardIterator();
                readFromStart.add(split.splitId());
                return iterator;
            } catch (TrimmedDataAccessException e) {
                if (!split.mayStartAtTrimHorizon() || readFromStart.contains(split.splitId())) {
                    throw e;
                }
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON).sequenceNumber(null);
            }
        }
        return client.getShardIterator(request.build()).shardIterator();
    }

    private void waitIdle() {
        long longest = Math.max(1, idlePoll.toMillis());
        nextWaitMillis = Math.min(longest, nextWaitMillis == 0 ? Math.max(1, longest / 20) : nextWaitMillis * 2);
        synchronized (idle) {
            if (!woken) {
                try {
                    idle.wait(nextWaitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            woken = false;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<ShardSplit> changes) {
        if (!(changes instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("Only split additions are supported, not " + changes);
        }
        for (ShardSplit split : changes.splits()) {
            LOG.info(
                    "Reading shard {} {}{}",
                    split.splitId(),
                    split.afterSequenceNumber() != null
                            ? "after sequence number " + split.afterSequenceNumber()
                            : split.start() instanceof StartingPosition.Latest
                                    ? "from its latest record"
                                    : "from its first record",
                    split.start() instanceof StartingPosition.AtTimestamp at
                            ? ", passing over records made before " + at.time()
                            : "");
            readings.put(split.splitId(), new Reading(split, metrics.forSplit(split)));
        }
    }

    @Override
    public void wakeUp() {
        synchronized (idle) {
            woken = true;
            idle.notifyAll();
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static boolean isThrottling(SdkServiceException e) {
        return e.isThrottlingException() || e instanceof LimitExceededException;
    }
}
