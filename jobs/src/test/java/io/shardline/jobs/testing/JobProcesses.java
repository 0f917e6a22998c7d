package io.shardline.jobs.testing;

import io.shardline.engine.testing.JavaProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code java -jar} job processes a test started in one working directory, killed when it ends whatever its outcome. */
public final class JobProcesses implements AutoCloseable {
    private final Path workingDirectory;
    private final List<JavaProcess> started = new ArrayList<>();

    public JobProcesses(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Starts {@code java -jar shardline-jobs.jar arguments...} (see {@link JobsJar#start}). */
    public JavaProcess start(String name, List<String> arguments) throws IOException {
        JavaProcess process = JobsJar.start(name, workingDirectory, arguments);
        started.add(process);
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        for (JavaProcess process : started) {
            process.kill();
        }
    }
}
