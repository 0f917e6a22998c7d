package io.shardline.jobs.flink;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter for Flink clusters inside this process that keeps the final value of every
 * counter of a task that ended, summed per job and counter name. The REST API forgets a finished
 * task's metrics and reports them up to a fetch interval late; a bounded job's command reads its
 * exact totals here once the job is done.
 */
public final class EndedTaskCounters implements MetricReporter {
    private static final Map<String, Map<String, Total>> JOBS = new ConcurrentHashMap<>();
    private static volatile boolean reporting;

    /** A counter's final values summed over the tasks that ended, and how many did. */
    private record Total(AtomicLong sum, AtomicLong tasks) {
    }

    /** Adds this reporter to a cluster's configuration. */
    public static void install(Configuration cluster) {
        cluster.setString("metrics.reporter.ended-task-counters.factory.class", Factory.class.getName());
    }

    /**
     * The sum of the final values of {@code counter} in {@code job}, once {@code tasks} tasks holding
     * it ended (their metrics are closed just after they report finishing), or -1 when they did not
     * within {@code wait} or no cluster in this process reports here; forgets nothing, so it can be
     * asked for several counters.
     */
    public static long total(String job, String counter, int tasks, Duration wait) throws InterruptedException {
        if (!reporting) {
            return -1;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Total total = JOBS.getOrDefault(job, Map.of()).get(counter);
            if (total != null && total.tasks().get() >= tasks) {
                return total.sum().get();
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(20);
        }
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
    public void close() {
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        String job = group.getAllVariables().get("<job_id>");
        if (metric instanceof Counter counter && job != null) {
            Total total = JOBS.computeIfAbsent(job, id -> new ConcurrentHashMap<>())
                    .computeIfAbsent(name, n -> new Total(new AtomicLong(), new AtomicLong()));
            total.sum().addAndGet(counter.getCount());
            total.tasks().incrementAndGet();
        }
    }

    /** Creates the reporter; Flink finds it by class name in the cluster's configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new EndedTaskCounters();
        }
    }
}
