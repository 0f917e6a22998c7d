package io.shardline.jobs.archive;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.flink.JobRunOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Command-line options of the restore command. */
public final class RestoreOptions {
    @Mixin
    public TableConnection connection = new TableConnection();

    @Option(names = "--from", required = true, description = "The archive's root, as given to archive --to")
    public String from;

    @Option(names = "--table", required = true, description = "The archived table whose items are restored")
    public String table;

    @Option(names = "--into", description = "The table to restore into (default: the archived table)")
    public String into;

    @Option(
            names = "--format",
            description = "The archive files' format: jsonl or parquet (default: jsonl)",
            converter = ArchiveOptions.FormatConverter.class)
    public ArchiveFormat format = ArchiveFormat.JSONL;

    @Option(
            names = "--start",
            description = "First date or hour of deletion to restore, UTC: 2026-11-27 or "
                    + "2026-11-27T13 (default: the oldest)")
    public String start;

    @Option(
            names = "--end",
            description = "Last date or hour of deletion to restore, UTC, included (default: the " + "newest)")
    public String end;

    @Option(
            names = "--filter",
            description = "Restore only items satisfying this condition, in DynamoDB's "
                    + "condition-expression syntax, such as \"begins_with(pk, :customer)\"")
    public String filter;

    @Option(names = "--expression-names", split = ",", description = "Names the filter uses, such as #s=status")
    public Map<String, String> expressionNames = new LinkedHashMap<>();

    @Option(
            names = "--expression-values",
            description =
                    "Values the filter uses, in DynamoDB JSON, such as " + "'{\":customer\":{\"S\":\"customer#42\"}}'")
    public String expressionValues;

    @Option(
            names = "--ttl-after-restore",
            converter = ExpiryConverter.class,
            description = "What becomes of the "
                    + "Time to Live attribute of a restored item: 'remove' (the item stays), or a duration such as 7d "
                    + "(it expires that long after the restore) (default: remove)")
    public Duration ttlAfterRestore;

    @Mixin
    public JobRunOptions run = new JobRunOptions();

    /** The table items go back into. */
    String target() {
        return into == null ? table : into;
    }

    /** Reads 'remove' as null, anything else as a duration. */
    static final class ExpiryConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if ("remove".equalsIgnoreCase(value.trim())) {
                return null;
            }
            try {
                return new DurationConverter().convert(value);
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "' is neither 'remove' nor a duration (such as 7d)");
            }
        }
    }
}
