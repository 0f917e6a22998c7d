package io.shardline.engine.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * Who holds a data directory: the store's lock file ({@code LOCK}) is locked by the process that has
 * the directory open. A launcher started while an earlier engine is still letting go of the directory
 * (a supervisor restarting at once) waits for it a bounded time, saying what it waits for, instead
 * of failing in the store.
 */
final class DataDirectoryHolder {
    private static final long POLL_MILLIS = 20;
    private final Path lockFile;

    DataDirectoryHolder(Path dataDir) {
        this.lockFile = dataDir.resolve("LOCK");
    }

    /**
     * Waits until no other process holds the directory, up to {@code bound}; says once on {@code out}
     * what it waits for. Returns null when the directory is free, or else the holder, as a line
     * naming it.
     */
    String awaitFree(Duration bound, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        boolean said = false;
        while (true) {
            String holder = holder();
            if (holder == null) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return holder;
            }
            if (!said) {
                out.println("Waiting up to " + bound.toSeconds() + " s for the data directory " + lockFile.getParent()
                        + ", held by " + holder);
                out.flush();
                said = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The process holding the directory's lock, as "process N (command)", or null when none does. */
    String holder() {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return null;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (OverlappingFileLockException e) {
            return "this process";
        } catch (IOException e) {
            return null;
        }
        return describeHolder();
    }

    /** Names the process holding the lock from the kernel's lock table, where the system has one. */
    private String describeHolder() {
        try {
            Object inode = Files.getAttribute(lockFile, "unix:ino");
            for (String line : Files.readAllLines(Path.of("/proc/locks"), StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 5 && fields[5].endsWith(":" + inode)) {
                    return "process " + fields[4] + command(fields[4]);
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no lock table to read: the holder stays unnamed
        }
        return "another process";
    }

    private static String command(String pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", pid, "cmdline"));
            String command =
                    new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            List<String> words = List.of(command.split(" "));
            return command.isEmpty()
                    ? ""
                    : " (" + String.join(" ", words.subList(0, Math.min(words.size(), 6)))
                            + (words.size() > 6 ? " ..." : "") + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
