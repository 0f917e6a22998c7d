package io.shardline.jobs.index;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TableFactsTest {
    private static TableFacts table(StreamViewType view) {
        return new TableFacts("Orders", List.of("pk"), view, 10, Instant.EPOCH);
    }

    @Test
    void aStreamWithoutNewImagesIsRefusedNamingTheViewTypesThatWork() {
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.OLD_IMAGE)) {
            assertThatThrownBy(() -> table(view).requireNewImages()).hasMessageContaining("Orders")
                    .hasMessageContaining(view.toString()).hasMessageContaining("NEW_IMAGE or NEW_AND_OLD_IMAGES");
        }
        assertThatThrownBy(() -> table(null).requireNewImages()).hasMessageContaining("no stream");
        assertThatCode(() -> table(StreamViewType.NEW_IMAGE).requireNewImages()).doesNotThrowAnyException();
        assertThatCode(() -> table(StreamViewType.NEW_AND_OLD_IMAGES).requireNewImages()).doesNotThrowAnyException();
    }
}
