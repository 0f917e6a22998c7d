package io.shardline.jobs.replication;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.versions.TableCopyOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The replication job's settings, as command-line options. */
public final class ReplicationOptions {
    /** What the targets do when Time to Live deletes an item at the source. */
    public enum TtlDeletes {
        replicate,
        skip
    }

    @Mixin
    public TableConnection connection = new TableConnection();

    @Mixin
    public TableCopyOptions copy = new TableCopyOptions();

    @Option(names = "--table", required = true, description = "Source table, whose stream is replicated")
    public String table;

    @Option(
            names = "--target",
            required = true,
            description =
                    "A target table: its name (same endpoint and "
                            + "credentials as the source), or table=NAME,endpoint=URL|aws,region=R,access-key=K,secret-key=S,"
                            + "profile=P,role-arn=ARN, where each setting left out is the source's. Repeat for several targets.")
    public List<String> targets;

    @Option(
            names = "--events",
            split = ",",
            description = "Event types replicated: INSERT, MODIFY, REMOVE " + "(default: all three)")
    public List<String> events = List.of("INSERT", "MODIFY", "REMOVE");

    @Option(
            names = "--filter",
            description = "Replicate only items satisfying this condition, in DynamoDB's "
                    + "condition-expression syntax, such as \"#s = :active AND attribute_exists(email)\"; an item that "
                    + "stops satisfying it is removed from the targets")
    public String filter;

    @Option(
            names = "--projection",
            description = "Replicate only these attributes, in ProjectionExpression "
                    + "syntax, such as \"email, address.city, #s\"; key attributes are always replicated")
    public String projection;

    @Option(
            names = "--expression-names",
            split = ",",
            description = "Names the filter and projection use, " + "such as #s=status")
    public Map<String, String> expressionNames = new LinkedHashMap<>();

    @Option(
            names = "--expression-values",
            description = "Values the filter uses, in DynamoDB JSON, such as " + "'{\":active\": {\"BOOL\": true}}'")
    public String expressionValues;

    @Option(
            names = "--transform",
            description = "Class name of a ReplicationTransform on the class path, applied "
                    + "to every replicated item after the filter and projection")
    public String transform;

    @Option(
            names = "--on-ttl-delete",
            description = "What the targets do when Time to Live deletes a source "
                    + "item: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    public TtlDeletes onTtlDelete = TtlDeletes.replicate;

    @Option(
            names = "--version-attribute",
            description = "Attribute of each target item holding its version, which "
                    + "keeps replays and retries from moving it back (default: ${DEFAULT-VALUE})")
    public String versionAttribute = "shardline:version";

    @Option(
            names = "--writes-in-flight",
            description =
                    "Batches of up to 25 writes each target's writer sends " + "at once (default: ${DEFAULT-VALUE})")
    public int writesInFlight = 8;

    @Option(
            names = "--write-linger",
            converter = DurationConverter.class,
            description = "Longest time a write "
                    + "waits for its batch to fill; bounds how soon a change reaches the targets (default: 10ms)")
    public Duration writeLinger = Duration.ofMillis(10);

    @Option(
            names = "--write-retry-max-delay",
            converter = DurationConverter.class,
            description = "Longest pause "
                    + "between two attempts of a write a target throttled, failed (5xx) or did not answer; the write is "
                    + "tried until it succeeds (default: 10s)")
    public Duration writeRetryMaxDelay = Duration.ofSeconds(10);
}
