package io.shardline.jobs.tables;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TableFactsTest {
    private static TableFacts table(StreamViewType view) {
        return new TableFacts("Orders", List.of("pk"), view, 10, Instant.EPOCH, null);
    }

    @Test
    void aStreamWithoutNewImagesIsRefusedNamingTheViewTypesThatWork() {
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.OLD_IMAGE)) {
            assertThatThrownBy(() -> table(view).requireNewImages("indexing it"))
                    .hasMessageContaining("Orders")
                    .hasMessageContaining(view.toString())
                    .hasMessageContaining("indexing it needs a stream of view type NEW_IMAGE or NEW_AND_OLD_IMAGES");
        }
        assertThatThrownBy(() -> table(null).requireNewImages("indexing it")).hasMessageContaining("no stream");
        assertThatCode(() -> table(StreamViewType.NEW_IMAGE).requireNewImages("indexing it"))
                .doesNotThrowAnyException();
        assertThatCode(() -> table(StreamViewType.NEW_AND_OLD_IMAGES).requireNewImages("indexing it"))
                .doesNotThrowAnyException();
    }
}
