package io.shardline.jobs.flink;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter for Flink clusters inside this process that keeps the final value of every
 * counter of a task that ended, per job and counter name: the last attempt's of each subtask, so a
 * task run again after a failure counts once. The REST API forgets a finished task's metrics and
 * reports them up to a fetch interval late; a bounded job's command reads its exact totals here
 * once the job is done.
 */
public final class EndedTaskCounters implements MetricReporter {
    /** Per job, per counter name, per operator subtask: its counter in the latest attempt. */
    private static final Map<String, Map<String, Map<String, Attempt>>> JOBS = new ConcurrentHashMap<>();

    private static volatile boolean reporting;

    /** One attempt's counter of a subtask, and its final value once the attempt ended (-1 before). */
    private record Attempt(int number, long finalValue) {}

    /** Adds this reporter to a cluster's configuration. */
    public static void install(Configuration cluster) {
        cluster.setString("metrics.reporter.ended-task-counters.factory.class", Factory.class.getName());
    }

    /**
     * The sum over subtasks of the final value of {@code counter} in {@code job}, once every subtask
     * holding it ended, or -1 when that did not happen within {@code wait} (metrics are closed just
     * after a task reports finishing) or no cluster in this process reports here.
     */
    public static long total(String job, String counter, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (reporting) {
            Map<String, Attempt> subtasks = JOBS.getOrDefault(job, Map.of()).get(counter);
            if (subtasks != null && subtasks.values().stream().allMatch(attempt -> attempt.finalValue() >= 0)) {
                return subtasks.values().stream().mapToLong(Attempt::finalValue).sum();
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** Forgets a job's totals. */
    public static void forget(String job) {
        JOBS.remove(job);
    }

    @Override
    public void open(MetricConfig config) {
        reporting = true;
    }

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        record(metric, name, group, -1);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        if (metric instanceof Counter counter) {
            record(metric, name, group, counter.getCount());
        }
    }

    private static void record(Metric metric, String name, MetricGroup group, long finalValue) {
        Map<String, String> variables = group.getAllVariables();
        String job = variables.get("<job_id>");
        String attempt = variables.get("<task_attempt_num>");
        if (!(metric instanceof Counter) || job == null || attempt == null) {
            return;
        }
        String subtask = variables.get("<task_id>") + "/" + variables.get("<operator_id>") + "/"
                + variables.get("<subtask_index>");
        JOBS.computeIfAbsent(job, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .merge(
                        subtask,
                        new Attempt(Integer.parseInt(attempt), finalValue),
                        (known, now) -> now.number() >= known.number() ? now : known);
    }

    /** Creates the reporter; Flink finds the factory as a service and picks it by class name in the configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new EndedTaskCounters();
        }
    }
}
