package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

/**
 * Starts a new archive file at every checkpoint (a file becomes visible only when the checkpoint
 * that covers it completes), and before that when the file reaches a size or an age.
 */
final class ArchiveRolling extends CheckpointRollingPolicy<ChangeRecord, String> {
    private final long maxBytes;
    private final long maxAgeMillis;

    ArchiveRolling(long maxBytes, long maxAgeMillis) {
        this.maxBytes = maxBytes;
        this.maxAgeMillis = maxAgeMillis;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> file, ChangeRecord record) throws IOException {
        return file.getSize() >= maxBytes;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> file, long now) {
        return now - file.getCreationTime() >= maxAgeMillis;
    }
}
