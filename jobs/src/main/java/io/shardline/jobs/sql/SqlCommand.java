package io.shardline.jobs.sql;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.flink.LocalFlinkCluster;
import io.shardline.jobs.flink.LocalWebOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs SQL statements on a Flink cluster inside this process, with the shardline connector
 * registered ({@code 'connector' = 'shardline'}): DDL, INSERT statements (run to their end), and
 * queries, whose results are printed in columns as Flink's SQL client prints them in tableau mode.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Runs SQL statements on a local Flink cluster with the shardline connector ('connector' = 'shardline').",
            "Each query's result is printed in columns, like Flink's SQL client in tableau mode: its changelog as it "
                    + "comes (an op column of +I, -U, +U, -D), or with --final the final table of a bounded query. "
                    + "INSERT statements run until their job ends (bounded sources: 'scan.bounded' = 'true') or the "
                    + "command is stopped. See docs/sql.md."
        })
public final class SqlCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Statements statements;

    /** Where the statements come from. */
    static final class Statements {
        @Option(
                names = {"-f", "--file"},
                description = "A script of statements separated by semicolons")
        Path file;

        @Option(
                names = {"-e", "--execute"},
                description = "Statements separated by semicolons")
        String text;
    }

    @Option(
            names = "--final",
            description = "Print each query's final table once it ends (bounded queries) " + "instead of its changelog")
    boolean finalTable;

    @Option(names = "--parallelism", description = "Default parallelism of the jobs (default: ${DEFAULT-VALUE})")
    int parallelism = 2;

    @Option(
            names = "--checkpoint-interval",
            converter = DurationConverter.class,
            description = "Checkpoint " + "interval of the jobs (default: 10s)")
    Duration checkpointInterval = Duration.ofSeconds(10);

    @Mixin
    LocalWebOptions web = new LocalWebOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String script =
                statements.text != null ? statements.text : Files.readString(statements.file, StandardCharsets.UTF_8);
        List<String> sql = SqlScript.statements(script);
        PrintWriter out = spec.commandLine().getOut();
        StreamExecutionEnvironment context = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!(context instanceof LocalStreamEnvironment)) {
            runOn(context, sql, out);
            return 0;
        }
        Configuration flink = new Configuration();
        flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(flink, web, System.out)) {
            out.println("Flink web UI: " + cluster.webUrl());
            runOn(cluster.environment(flink), sql, out);
        }
        return 0;
    }

    /** Runs the statements on {@code env}: a local cluster's, or the cluster's it was submitted to with {@code flink run}. */
    private void runOn(StreamExecutionEnvironment env, List<String> sql, PrintWriter out) throws Exception {
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointInterval.toMillis());
        run(StreamTableEnvironment.create(env), sql, out);
    }

    /** Runs the statements in order, printing what each did. */
    void run(StreamTableEnvironment tables, List<String> sql, PrintWriter out) throws Exception {
        ResultPrinter printer = new ResultPrinter(out);
        for (String statement : sql) {
            out.println("> " + firstLine(statement));
            out.flush();
            TableResult result = tables.executeSql(statement);
            boolean query = statement.strip().toUpperCase(Locale.ROOT).matches("(?s)(SELECT|WITH|VALUES)\\b.*");
            if (query && result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
                if (finalTable) {
                    printer.finalTable(result);
                } else {
                    printer.changelog(result);
                }
            } else if (result.getJobClient().isPresent()) {
                out.println("Job " + result.getJobClient().get().getJobID() + " submitted; waiting for it to end");
                out.flush();
                result.await();
                out.println("Job " + result.getJobClient().get().getJobID() + " finished");
            } else if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
                result.print();
            } else {
                out.println("OK");
            }
            out.flush();
        }
    }

    private static String firstLine(String statement) {
        int newline = statement.indexOf('\n');
        return newline < 0 ? statement : statement.substring(0, newline) + " ...";
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SqlCommand()).execute(args));
    }
}
