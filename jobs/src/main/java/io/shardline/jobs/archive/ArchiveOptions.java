package io.shardline.jobs.archive;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.SizeConverter;
import io.shardline.jobs.cli.StreamPolling;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.flink.JobRunOptions;
import io.shardline.jobs.flink.StateOptions;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Command-line options of the archive job. */
public final class ArchiveOptions {
    @Mixin
    public TableConnection connection = new TableConnection();

    @Mixin
    public StreamPolling polling = new StreamPolling();

    @Option(names = "--table", required = true, description = "The table whose expired items are archived")
    public String table;

    @Option(
            names = "--to",
            required = true,
            description = "The archive's root: a directory, or any Flink file "
                    + "system URI (s3://bucket/path with Flink's S3 plugin); files go under table=T/date=D/hour=H")
    public String to;

    @Option(
            names = "--format",
            description = "jsonl (DynamoDB JSON lines, gzip) or parquet (Snappy) " + "(default: jsonl)",
            converter = FormatConverter.class)
    public ArchiveFormat format = ArchiveFormat.JSONL;

    @Option(
            names = "--include-user-deletes",
            description = "Archive items users deleted too, not only the items " + "Time to Live deleted")
    public boolean includeUserDeletes;

    @Option(
            names = "--from-latest",
            description = "Start at the stream's newest records instead of its oldest "
                    + "(up to 24 hours back), when the archive holds nothing of the table yet")
    public boolean fromLatest;

    @Option(
            names = "--roll-size",
            converter = SizeConverter.class,
            description = "Start a new file when one reaches " + "this size (default: 128mb)")
    public MemorySize rollSize = MemorySize.ofMebiBytes(128);

    @Option(
            names = "--roll-interval",
            converter = DurationConverter.class,
            description = "Start a new file when one " + "is this old (default: 15m)")
    public Duration rollInterval = Duration.ofMinutes(15);

    @Option(
            names = "--checkpoint-interval",
            converter = DurationConverter.class,
            description = "Checkpoint "
                    + "interval: files become visible, exactly once, when a checkpoint completes, and each checkpoint starts "
                    + "new files (default: 5m)")
    public Duration checkpointInterval = Duration.ofMinutes(5);

    @Mixin
    public JobRunOptions run = new JobRunOptions();

    @Mixin
    public StateOptions state = new StateOptions();

    /** Reads a format by its lower-case name, as users type it. */
    static final class FormatConverter implements ITypeConverter<ArchiveFormat> {
        @Override
        public ArchiveFormat convert(String value) {
            try {
                return ArchiveFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an archive format " + "(jsonl or parquet)");
            }
        }
    }
}
