package io.shardline.jobs.index;

import io.shardline.jobs.cli.DurationConverter;
import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.search.SearchConnectionOptions;
import io.shardline.jobs.versions.TableCopyOptions;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The index job's settings, as command-line options. */
public final class IndexOptions {
    /** What the index does when Time to Live deletes an item. */
    public enum TtlDeletes {
        delete,
        keep
    }

    @Mixin
    public TableConnection connection = new TableConnection();

    @Mixin
    public TableCopyOptions copy = new TableCopyOptions();

    @ArgGroup(exclusive = false, multiplicity = "1", heading = "OpenSearch:%n")
    public SearchConnectionOptions search = new SearchConnectionOptions();

    @Option(names = "--table", required = true, description = "Table whose items the index holds")
    public String table;

    @Option(
            names = "--index",
            required = true,
            description = "Index (or, with --rebuild, alias) to keep equal to " + "the table")
    public String index;

    @Option(
            names = "--rebuild",
            description = "Fill a new index (the alias name with a time suffix) from a "
                    + "snapshot and the stream, then point the alias --index at it once it has caught up")
    public boolean rebuild;

    @Option(
            names = "--on-ttl-delete",
            description = "What happens to the document of an item Time to Live "
                    + "deleted: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    public TtlDeletes onTtlDelete = TtlDeletes.delete;

    @Option(
            names = "--metadata-field",
            description = "Document field holding each change's metadata " + "(default: ${DEFAULT-VALUE})")
    public String metadataField = "@shardline";

    @Option(
            names = "--typed-field",
            description = "Document field holding the item in DynamoDB JSON, which a new "
                    + "index searches (such as @dynamodb.price.N) so that no item's shape clashes with another's; the plain "
                    + "item beside it is kept, not searched (default: ${DEFAULT-VALUE})")
    public String typedField = "@dynamodb";

    @Option(
            names = "--unindexed-attributes",
            split = ",",
            description = "Attributes kept in each document's "
                    + "source but left out of the typed field, so they are not searched")
    public List<String> unindexedAttributes = List.of();

    @Option(
            names = "--dead-letters",
            description = "Directory for documents OpenSearch refuses " + "(default: ${DEFAULT-VALUE})")
    public String deadLetters = "shardline-dead-letters";

    @Option(
            names = "--bulk-flush-interval",
            converter = DurationConverter.class,
            description = "Longest time a "
                    + "document waits for its bulk request to fill; with the index's refresh interval it bounds how soon "
                    + "a change is searchable (default: 50ms)")
    public Duration bulkFlushInterval = Duration.ofMillis(50);

    @Option(
            names = "--caught-up-lag",
            converter = DurationConverter.class,
            description = "With --rebuild: how "
                    + "far behind the stream the new index may be when the alias moves (default: 5s)")
    public Duration caughtUpLag = Duration.ofSeconds(5);
}
