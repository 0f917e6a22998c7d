package io.shardline.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.JavaProcess;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A standalone Flink session cluster of separate JVMs, as a user runs one: a JobManager and
 * TaskManagers started from Flink's own entry points, on the classpath a Flink distribution's
 * {@code lib/} gives (Flink, its dependencies, Log4j, the Prometheus reporter; nothing of Shardline,
 * the AWS SDK or Jackson, which the submitted jar must bring), every port picked by the system,
 * checkpoints and savepoints on the file system, and Flink's command-line client to submit and
 * stop jobs.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
    /** The ports the reporters may listen on, one per process; each takes the first free one. */
    static final String PROMETHEUS_PORTS = "9250-9350";

    private static final Duration STARTUP = Duration.ofMinutes(2);
    /** Lines of each process's output shown in failure messages. */
    private static final int SHOWN_LINES = 60;

    private static final Pattern REST_LISTENING = Pattern.compile("Rest endpoint listening at [^:]+:(\\d+)");
    private static final Pattern RPC_STARTED =
            Pattern.compile("Actor system started at pekko\\.tcp://flink@[^:]+:(\\d+)");
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");
    /** Class path entries a Flink distribution does not have: the test's own code and what the job jar brings. */
    private static final List<String> NOT_IN_FLINK = List.of(
            "/target/",
            "/io/shardline/",
            "/software/amazon/",
            "/com/fasterxml/jackson/",
            "/org/opensearch/",
            "/info/picocli/",
            "/org/apache/parquet/",
            "/org/apache/hadoop/",
            "/io/airlift/",
            "/org/rocksdb/",
            "/io/undertow/",
            "/org/apache/httpcomponents/",
            "/jakarta/json/",
            "/org/eclipse/parsson/",
            "/flink-parquet/",
            "/flink-test-utils",
            "/flink-connector-test-utils/");

    /** The module options Flink's distribution gives every JVM it starts ({@code env.java.default-opts.all}). */
    private static final List<String> DISTRIBUTION_JVM_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path home;
    private final String classpath;
    private final JavaProcess jobManager;
    private final List<JavaProcess> taskManagers = new ArrayList<>();
    /** The attached command-line clients of submitted jobs, ended with the cluster if still running. */
    private final List<JavaProcess> clients = new ArrayList<>();

    private final URI rest;
    private final int rpcPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    private StandaloneFlinkCluster(Path home, String classpath, JavaProcess jobManager, URI rest, int rpcPort) {
        this.home = home;
        this.classpath = classpath;
        this.jobManager = jobManager;
        this.rest = rest;
        this.rpcPort = rpcPort;
    }

    /** Starts a JobManager and {@code taskManagers} TaskManagers of two slots each, and waits until all registered. */
    static StandaloneFlinkCluster start(Path home, int taskManagers) throws Exception {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), configuration(home));
        Files.writeString(
                conf.resolve("log4j2.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.console.ref = Console",
                        "appender.console.type = Console",
                        "appender.console.name = Console",
                        "appender.console.layout.type = PatternLayout",
                        "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %t %c{1} - %m%n",
                        ""));
        String classpath = flinkDistributionClasspath();
        JavaProcess jobManager = JavaProcess.start(
                "jobmanager",
                classpath,
                jvmOptions(conf, "384m"),
                Map.of(),
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                List.of("--configDir", conf.toString()));
        StandaloneFlinkCluster cluster;
        try {
            int rpcPort = Integer.parseInt(jobManager.awaitLine(RPC_STARTED, STARTUP));
            int restPort = Integer.parseInt(jobManager.awaitLine(REST_LISTENING, STARTUP));
            Path clientConf = Files.createDirectories(home.resolve("conf-client"));
            Files.writeString(
                    clientConf.resolve("config.yaml"),
                    String.join("\n", "rest.address: 127.0.0.1", "rest.port: " + restPort, ""));
            cluster = new StandaloneFlinkCluster(
                    home, classpath, jobManager, URI.create("http://127.0.0.1:" + restPort), rpcPort);
        } catch (IOException | RuntimeException | InterruptedException e) {
            jobManager.close();
            throw e;
        }
        try {
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            Await.until(
                    STARTUP,
                    () -> cluster.registeredTaskManagers() == taskManagers,
                    taskManagers + " TaskManagers to register");
            return cluster;
        } catch (AssertionError | RuntimeException e) {
            String output = cluster.output();
            cluster.close();
            throw new IllegalStateException(e.getMessage() + "; the cluster's output:\n" + output, e);
        } catch (InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    private static String configuration(Path home) {
        return String.join(
                "\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: 0",
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 640m",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.rpc.port: 0",
                "taskmanager.data.port: 0",
                "taskmanager.numberOfTaskSlots: 2",
                // a job's slots spread over the TaskManagers, so killing any one of them hits the job
                "taskmanager.load-balance.mode: slots",
                // what Flink's start script derives and passes to a TaskManager; the JVM options match it
                "taskmanager.cpu.cores: 2",
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.task.heap.size: 384m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.bind-port: 0",
                "blob.server.port: 0",
                "metrics.internal.query-service.port: 0",
                "heartbeat.interval: 1000",
                "heartbeat.timeout: 10000",
                "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 20",
                "restart-strategy.fixed-delay.delay: 1 s",
                "state.backend.type: hashmap",
                "execution.checkpointing.dir: " + home.resolve("checkpoints").toUri(),
                "execution.checkpointing.savepoint-dir: "
                        + home.resolve("savepoints").toUri(),
                "classloader.resolve-order: child-first",
                "metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                "metrics.reporter.prom.port: " + PROMETHEUS_PORTS,
                "");
    }

    private static List<String> jvmOptions(Path conf, String heap) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + heap,
                "-XX:MaxDirectMemorySize=256m",
                "-Dlog4j.configurationFile=" + conf.resolve("log4j2.properties").toUri()));
        options.addAll(DISTRIBUTION_JVM_OPTIONS);
        return options;
    }

    /** This JVM's class path without the entries a Flink distribution does not have. */
    private static String flinkDistributionClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> NOT_IN_FLINK.stream().noneMatch(entry.replace(File.separatorChar, '/')::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Starts one more TaskManager, which registers with the JobManager by itself. */
    void startTaskManager() throws IOException {
        Path conf = home.resolve("conf");
        taskManagers.add(JavaProcess.start(
                "taskmanager-" + taskManagers.size(),
                classpath,
                jvmOptions(conf, "512m"),
                Map.of(),
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                List.of("--configDir", conf.toString(), "-Djobmanager.rpc.port=" + rpcPort)));
    }

    /** Kills TaskManager {@code index} with SIGKILL: no shutdown, no goodbye to the JobManager. */
    void killTaskManager(int index) throws InterruptedException {
        taskManagers.get(index).kill();
    }

    /**
     * Makes the cluster as a new one for the next test: its jobs cancelled, their clients ended, and
     * as many live TaskManagers as it started with, killed ones replaced, all registered.
     */
    void reset(int liveTaskManagers) throws Exception {
        for (JsonNode job : get("/jobs").path("jobs")) {
            if (!List.of("FINISHED", "CANCELED", "FAILED")
                    .contains(job.path("status").asText())) {
                cancel(job.path("id").asText());
            }
        }
        for (JavaProcess client : clients) {
            client.close();
        }
        clients.clear();
        taskManagers.removeIf(taskManager -> !taskManager.isAlive());
        while (taskManagers.size() < liveTaskManagers) {
            startTaskManager();
        }
        Await.until(
                STARTUP,
                () -> registeredTaskManagers() == liveTaskManagers,
                liveTaskManagers + " TaskManagers to register again");
    }

    int registeredTaskManagers() {
        return get("/taskmanagers").path("taskmanagers").size();
    }

    /**
     * Submits {@code mainClass} of {@code jar} with Flink's command-line client in attached mode (the
     * client runs until the job ends), from {@code savepoint} when not null; returns once the job is
     * submitted.
     */
    SubmittedJob run(Path jar, String mainClass, String savepoint, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("run", "-c", mainClass));
        if (savepoint != null) {
            command.addAll(List.of("-s", savepoint));
        }
        command.add(jar.toString());
        command.addAll(arguments);
        JavaProcess client = cli("client-" + mainClass.substring(mainClass.lastIndexOf('.') + 1), command);
        clients.add(client);
        return new SubmittedJob(client.awaitLine(SUBMITTED, STARTUP), client);
    }

    /** Stops a job with a savepoint through the command-line client; the savepoint's path. */
    String stopWithSavepoint(String jobId) throws Exception {
        try (JavaProcess stop = cli(
                "stop",
                List.of(
                        "stop",
                        "--savepointPath",
                        home.resolve("savepoints").toUri().toString(),
                        jobId))) {
            return stop.awaitLine(SAVEPOINT, STARTUP);
        }
    }

    /** Cancels a job through the command-line client and waits until it is cancelled. */
    void cancel(String jobId) throws Exception {
        try (JavaProcess cancel = cli("cancel", List.of("cancel", jobId))) {
            cancel.awaitLine(Pattern.compile("Cancelled job " + jobId), STARTUP);
        }
    }

    private JavaProcess cli(String name, List<String> arguments) throws IOException {
        return JavaProcess.start(
                name,
                classpath,
                jvmOptions(home.resolve("conf"), "256m"),
                Map.of("FLINK_CONF_DIR", home.resolve("conf-client").toString()),
                "org.apache.flink.client.cli.CliFrontend",
                arguments);
    }

    /** Waits until every task of the job runs (or, for a bounded part such as a snapshot, has finished). */
    void awaitRunning(String jobId) throws InterruptedException {
        try {
            Await.until(
                    STARTUP,
                    () -> {
                        JsonNode job = get("/jobs/" + jobId);
                        if (!job.path("state").asText().equals("RUNNING")) {
                            return false;
                        }
                        for (JsonNode vertex : job.path("vertices")) {
                            if (!List.of("RUNNING", "FINISHED")
                                    .contains(vertex.path("status").asText())) {
                                return false;
                            }
                        }
                        return true;
                    },
                    "job " + jobId + " to run all its tasks");
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; the job: " + get("/jobs/" + jobId) + "\nits failures: "
                            + get("/jobs/" + jobId + "/exceptions") + "\n" + output(),
                    e);
        }
    }

    /** How often the job restarted after failures so far. */
    long restarts(String jobId) {
        return get("/jobs/" + jobId + "/exceptions")
                .path("exceptionHistory")
                .path("entries")
                .size();
    }

    /** A REST API answer as JSON. */
    JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(rest.resolve(path))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    /**
     * What every Prometheus reporter of the cluster serves: the text of each endpoint in
     * {@link #PROMETHEUS_PORTS} whose answer has Flink's metrics.
     */
    List<String> scrapePrometheus() {
        String[] range = PROMETHEUS_PORTS.split("-");
        return IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1]))
                .mapToObj(this::scrape)
                .filter(text -> text.contains("flink_"))
                .toList();
    }

    private String scrape(int port) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The state and latest output of every process of the cluster, for failure messages. */
    String output() {
        StringBuilder all = new StringBuilder("=== jobmanager: ").append(jobManager.status(SHOWN_LINES));
        for (JavaProcess taskManager : taskManagers) {
            all.append("\n=== ").append(taskManager.name()).append(": ").append(taskManager.status(SHOWN_LINES));
        }
        return all.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (JavaProcess client : clients) {
            client.close();
        }
        for (JavaProcess taskManager : taskManagers) {
            taskManager.close();
        }
        jobManager.close();
    }

    /** A job submitted by an attached command-line client, which ends when the job does. */
    record SubmittedJob(String id, JavaProcess client) {}
}
