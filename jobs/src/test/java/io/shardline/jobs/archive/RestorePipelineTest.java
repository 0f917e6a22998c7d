package io.shardline.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.source.ChangeRecord;
import java.util.Map;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RestorePipelineTest {
    private static ChangeRecord removal(long deletedAtMillis, String sequenceNumber, String revision) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("a"));
        return new ChangeRecord(
                null,
                "REMOVE",
                "1.1",
                "aws:dynamodb",
                null,
                key,
                Map.of("id", AttributeValue.fromS("a"), "revision", AttributeValue.fromS(revision)),
                null,
                sequenceNumber,
                null,
                deletedAtMillis,
                null,
                null,
                ChangeRecord.TTL_SERVICE);
    }

    @Test
    void theLatestRemovalOfAnItemWinsByDeletionTimeThenStreamOrder() {
        RestorePipeline.LatestRemoval latest = new RestorePipeline.LatestRemoval();
        ChangeRecord first = removal(1_000, "900", "first");
        ChangeRecord later = removal(2_000, "100", "later");
        ChangeRecord sameSecondAfter = removal(2_000, "1000", "same second, after in the stream");
        assertThat(latest.reduce(first, later)).isSameAs(later);
        assertThat(latest.reduce(later, first)).isSameAs(later);
        assertThat(latest.reduce(later, sameSecondAfter)).isSameAs(sameSecondAfter);
        assertThat(latest.reduce(sameSecondAfter, later)).isSameAs(sameSecondAfter);
    }

    @Test
    void restoreReadsTheArchivesDirectoriesAndFilesOfItsFormatButNotFilesInProgress() {
        String jsonl = ArchiveFormat.JSONL.suffix();
        assertThat(RestorePipeline.isArchiveFile(new Path("/a/table=T/date=2026-11-27/hour=13"), jsonl))
                .isTrue();
        assertThat(RestorePipeline.isArchiveFile(new Path("/a/hour=13/removals-x-0.jsonl.gz"), jsonl))
                .isTrue();
        assertThat(RestorePipeline.isArchiveFile(new Path("/a/hour=13/removals-x-0.parquet"), jsonl))
                .isFalse();
        assertThat(RestorePipeline.isArchiveFile(new Path("/a/hour=13/.removals-x-1.jsonl.gz.inprogress.u"), jsonl))
                .isFalse();
        assertThat(RestorePipeline.isArchiveFile(new Path("/a/hour=13/_SUCCESS"), jsonl))
                .isFalse();
    }
}
