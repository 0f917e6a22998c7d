package io.shardline.jobs.flink;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink cluster inside a command's process, with its web UI and REST API on a chosen port, the next
 * free one when that is taken, or any free port when asked for port 0 ({@link #webUrl()} tells
 * which): jobs are submitted to it over REST as to any cluster. Every port it opens listens on
 * loopback only (the web UI's address can be widened) and the web UI takes no jar uploads, so nobody
 * else on the network can run code through it.
 */
public final class LocalFlinkCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(20);
    private final MiniCluster cluster;
    private final URI rest;
    private final Path checkpoints;

    private LocalFlinkCluster(MiniCluster cluster, URI rest, Path checkpoints) {
        this.cluster = cluster;
        this.rest = rest;
        this.checkpoints = checkpoints;
    }

    /**
     * Starts a cluster of one TaskManager with a slot per core, its web UI where {@code web} says.
     * Counters of ended tasks are kept for bounded jobs' reports ({@link EndedTaskCounters}), and
     * file systems come from Flink's plugins directory ({@code FLINK_PLUGINS_DIR}, default
     * {@code plugins}) as on a cluster, such as S3 from {@code plugins/s3-fs-hadoop/}.
     * Checkpoints go to files in a temporary directory removed on close (the JobManager's memory,
     * Flink's default, refuses state over 5 MB: the versions of a few hundred thousand items).
     */
    public static LocalFlinkCluster start(Configuration flink, LocalWebOptions web, PrintStream out) throws Exception {
        Configuration configuration = new Configuration(flink);
        configuration.set(RestOptions.BIND_PORT, web.portRange());
        configuration.set(RestOptions.BIND_ADDRESS, web.address);
        configuration.set(RestOptions.ADDRESS, LOOPBACK);
        configuration.set(WebOptions.SUBMIT_ENABLE, false);
        configuration.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(JobManagerOptions.ADDRESS, LOOPBACK);
        configuration.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(TaskManagerOptions.HOST, LOOPBACK);
        if (web.beyondLoopback()) {
            out.println("Warning: the Flink web UI and REST API listen on " + web.address + ": whoever reaches them "
                    + "can cancel and inspect this job");
        }
        EndedTaskCounters.install(configuration);
        FileSystem.initialize(configuration, PluginUtils.createPluginManagerFromRootFolder(configuration));
        Path checkpoints = Files.createTempDirectory("shardline-checkpoints");
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(Runtime.getRuntime().availableProcessors())
                .build());
        cluster.start();
        try {
            return new LocalFlinkCluster(cluster, cluster.getRestAddress().get(60, TimeUnit.SECONDS), checkpoints);
        } catch (Exception e) {
            cluster.close();
            FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
            throw e;
        }
    }

    /** The web UI and REST API, with the port actually bound. */
    public String webUrl() {
        return "http://" + LOOPBACK + ":" + rest.getPort();
    }

    /**
     * An environment that submits jobs to this cluster (the job's classes are on its class path
     * already), checkpointing to files: where {@code flink} says, or else into a temporary directory
     * removed when the cluster closes.
     */
    public StreamExecutionEnvironment environment(Configuration flink) {
        Configuration job = new Configuration(flink);
        job.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        if (!job.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            job.set(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    checkpoints.toUri().toString());
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort(), job);
        env.setParallelism(Runtime.getRuntime().availableProcessors());
        return env;
    }

    /**
     * Shuts the cluster down, waiting a bounded time: after a job was cancelled while its
     * stop-with-savepoint was still running, Flink's MiniCluster can wait for ever for a future that
     * never completes, and the process, whose job has ended and whose state is on disk, would never
     * exit.
     */
    @Override
    public void close() throws Exception {
        try {
            cluster.closeAsync().get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn(
                    "Flink's local cluster did not shut down within {} s; ending without waiting for it",
                    CLOSE_BOUND.toSeconds());
        }
        FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
    }
}
