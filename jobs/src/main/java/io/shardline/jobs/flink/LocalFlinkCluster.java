package io.shardline.jobs.flink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;

/**
 * A Flink cluster inside the demo's process, with its web UI and REST API on a chosen port, or on
 * any free port when asked for port 0 (then {@link #webUrl()} tells which): jobs are submitted to it
 * over REST as to any cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {
    private final MiniCluster cluster;
    private final URI rest;
    private final Path checkpoints;

    private LocalFlinkCluster(MiniCluster cluster, URI rest, Path checkpoints) {
        this.cluster = cluster;
        this.rest = rest;
        this.checkpoints = checkpoints;
    }

    /**
     * Starts a cluster of one TaskManager with a slot per core; {@code webPort} 0 picks a free port.
     * Counters of ended tasks are kept for bounded jobs' reports ({@link EndedTaskCounters}), and
     * file systems come from Flink's plugins directory ({@code FLINK_PLUGINS_DIR}, default
     * {@code plugins}) as on a cluster, such as S3 from {@code plugins/s3-fs-hadoop/}.
     * Checkpoints go to files in a temporary directory removed on close (the JobManager's memory,
     * Flink's default, refuses state over 5 MB: the versions of a few hundred thousand items).
     */
    public static LocalFlinkCluster start(Configuration flink, int webPort) throws Exception {
        Configuration configuration = new Configuration(flink);
        configuration.set(RestOptions.BIND_PORT, Integer.toString(webPort));
        EndedTaskCounters.install(configuration);
        FileSystem.initialize(configuration, PluginUtils.createPluginManagerFromRootFolder(configuration));
        Path checkpoints = Files.createTempDirectory("shardline-checkpoints");
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
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
        return "http://localhost:" + rest.getPort();
    }

    /** An environment that submits jobs to this cluster (the job's classes are on its class path already). */
    public StreamExecutionEnvironment environment(Configuration flink) {
        Configuration job = new Configuration(flink);
        job.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        job.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(),
                rest.getPort(), job);
        env.setParallelism(Runtime.getRuntime().availableProcessors());
        return env;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
        FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
    }
}
