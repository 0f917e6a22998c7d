package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads an archive on the local file system the way a test checks it: its files, and the removals they hold. */
public final class ArchiveFiles {
    private ArchiveFiles() {}

    /** Every removal in the visible (committed) files of {@code format} under {@code root}. */
    public static List<ChangeRecord> read(Path root, ArchiveFormat format) {
        List<ChangeRecord> removals = new ArrayList<>();
        for (Path file : files(root, false)) {
            if (!file.getFileName().toString().endsWith(format.suffix())) {
                throw new IllegalStateException("not a " + format + " archive file: " + file);
            }
            try {
                format.read(new org.apache.flink.core.fs.Path(file.toUri()), removals::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return removals;
    }

    /**
     * The files under {@code root}, hidden (in progress, pending) or visible; listed again when the sink
     * renamed one meanwhile.
     */
    public static List<Path> files(Path root, boolean hidden) {
        for (int attempt = 1; ; attempt++) {
            if (!Files.exists(root)) {
                return List.of();
            }
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(file -> file.getFileName().toString().startsWith(".") == hidden)
                        .filter(Files::isRegularFile)
                        .toList();
            } catch (IOException | UncheckedIOException renamedMeanwhile) {
                if (attempt == 10) {
                    throw new IllegalStateException(renamedMeanwhile);
                }
            }
        }
    }
}
