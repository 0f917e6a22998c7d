package io.shardline.jobs.flink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.util.FileUtils;

/**
 * Where a job run with {@code java -jar} keeps what outlives its process: Flink's checkpoints
 * ({@code checkpoints/}), the savepoints it takes when stopped ({@code savepoints/}), and
 * {@code job.json}: the command's identity (what its state belongs to: table, targets, filter, ...)
 * and the facts a resumed run needs to build the same job (such as where its snapshot handed over
 * to the stream). One run at a time holds the directory, through a lock on {@code lock}.
 */
public final class StateDirectory implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
    private final Path directory;
    private final FileChannel lockFile;
    private final FileLock lock;

    private StateDirectory(Path directory, FileChannel lockFile, FileLock lock) {
        this.directory = directory;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * The state directory of one job command run: {@code ./shardline-state/<command>-<subject>}
     * unless {@code chosen} names one.
     */
    public static Path resolve(Path chosen, String command, String subject) {
        Path directory = chosen != null ? chosen : Path.of("shardline-state", command + "-" + subject);
        return directory.toAbsolutePath().normalize();
    }

    /** Takes the directory for this run, creating it; refuses, naming the holder, while another run holds it. */
    public static StateDirectory take(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(
                directory.resolve("lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(directory.resolve("lock")), StandardCharsets.UTF_8).trim();
            channel.close();
            throw new IllegalStateException("Another run of this job uses the state directory " + directory
                    + (holder.isEmpty() ? "" : " (process " + holder + ")") + ": stop it first, or give another "
                    + "--state-dir");
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        return new StateDirectory(directory, channel, lock);
    }

    public Path path() {
        return directory;
    }

    /** Where the job's checkpoints go (Flink adds a directory per job id under it). */
    public Path checkpoints() {
        return directory.resolve("checkpoints");
    }

    /** Where the savepoints taken on a stop go. */
    public Path savepoints() {
        return directory.resolve("savepoints");
    }

    /** The newest completed checkpoint or savepoint in the directory, if any. */
    public Optional<RetainedCheckpoint> latest() throws IOException {
        List<RetainedCheckpoint> found = new ArrayList<>();
        for (Path job : children(checkpoints())) {
            for (Path checkpoint : children(job)) {
                Matcher id = CHECKPOINT.matcher(checkpoint.getFileName().toString());
                if (id.matches()) {
                    completed(checkpoint, "checkpoint " + id.group(1)).ifPresent(found::add);
                }
            }
        }
        for (Path savepoint : children(savepoints())) {
            completed(savepoint, "savepoint " + savepoint.getFileName()).ifPresent(found::add);
        }
        return found.stream().max(Comparator.comparing(RetainedCheckpoint::taken));
    }

    /** A checkpoint whose metadata was written (Flink writes it last), with the metadata's time. */
    private static Optional<RetainedCheckpoint> completed(Path checkpoint, String name) throws IOException {
        Path metadata = checkpoint.resolve("_metadata");
        if (!Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        return Optional.of(new RetainedCheckpoint(
                checkpoint, name, Files.getLastModifiedTime(metadata).toInstant()));
    }

    /** Removes every checkpoint and savepoint but {@code kept}: a run resumes from the newest one only. */
    public void discardAllBut(RetainedCheckpoint kept) throws IOException {
        for (Path job : children(checkpoints())) {
            if (!kept.directory().startsWith(job)) {
                FileUtils.deleteDirectory(job.toFile());
            }
        }
        for (Path savepoint : children(savepoints())) {
            if (!kept.directory().equals(savepoint)) {
                FileUtils.deleteDirectory(savepoint.toFile());
            }
        }
    }

    /** Removes the job's checkpoints, savepoints and record: the next run starts over. */
    public void discard() throws IOException {
        FileUtils.deleteDirectory(checkpoints().toFile());
        FileUtils.deleteDirectory(savepoints().toFile());
        Files.deleteIfExists(record());
    }

    /** The run this directory's state belongs to, as the last run wrote it down; empty before any run. */
    public Optional<StoredRun> storedRun() throws IOException {
        if (!Files.isRegularFile(record())) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> stored = JSON.readValue(record().toFile(), new TypeReference<>() {});
        return Optional.of(
                new StoredRun(stored.getOrDefault("identity", Map.of()), stored.getOrDefault("facts", Map.of())));
    }

    /** Writes down the run's identity and facts, replacing the file whole, so a crash leaves the old or the new. */
    public void store(StoredRun run) {
        Map<String, Map<String, String>> stored = new LinkedHashMap<>();
        stored.put("identity", new TreeMap<>(run.identity()));
        stored.put("facts", new TreeMap<>(run.facts()));
        try {
            Path written = directory.resolve("job.json.new");
            JSON.writeValue(written.toFile(), stored);
            Files.move(written, record(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + record() + ": " + e.getMessage(), e);
        }
    }

    private Path record() {
        return directory.resolve("job.json");
    }

    private static List<Path> children(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockFile.close();
    }
}
