package io.shardline.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory records its format version; one written in another format is refused, saying so. */
class StoreFormatTest {
    private static final byte[] FORMAT_KEY = "format-version".getBytes(StandardCharsets.UTF_8);

    @Test
    void aNewDirectoryRecordsItsFormatAndReopens(@TempDir Path dir) {
        try (Store store = Store.openDurable(dir)) {
            assertThat(store.get(Family.META, FORMAT_KEY)).containsExactly(ItemCodec.FORMAT_VERSION);
            try (Batch batch = store.batch()) {
                store.commit(batch.put(Family.ITEMS, new byte[] {1}, ItemCodec.encode(java.util.Map.of())));
            }
        }
        try (Store store = Store.openDurable(dir)) {
            assertThat(store.get(Family.ITEMS, new byte[] {1})).isNotNull();
        }
    }

    @Test
    void aDirectoryOfAnotherFormatVersionIsRefused(@TempDir Path dir) {
        try (Store store = Store.openDurable(dir);
                Batch batch = store.batch()) {
            store.commit(batch.put(Family.META, FORMAT_KEY, new byte[] {2}));
        }
        assertThatThrownBy(() -> Store.openDurable(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("format version 2")
                .hasMessageContaining("reads format version 1 only");
    }

    @Test
    void aDirectoryWrittenBeforeFormatVersionsIsRefused(@TempDir Path dir) {
        try (Store store = Store.openDurable(dir);
                Batch batch = store.batch()) {
            store.commit(batch.put(Family.ITEMS, new byte[] {1}, "{}".getBytes(StandardCharsets.UTF_8))
                    .delete(Family.META, FORMAT_KEY));
        }
        assertThatThrownBy(() -> Store.openDurable(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("before format versions");
    }
}
