package io.shardline.jobs.verify;

import io.shardline.jobs.cli.TableConnection;
import io.shardline.jobs.search.SearchConnectionOptions;
import io.shardline.jobs.search.SearchIndexAdmin;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.selection.ReplicationTransform;
import io.shardline.jobs.tables.TableFacts;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code verify}: compares a table with its OpenSearch index ({@code --index}) or with its replica
 * ({@code --target-table}) and exits 1 on any difference.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Compares a table with its OpenSearch index (--index) or its replica (--target-table); "
                + "exits 1 when they differ.")
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    TableConnection connection = new TableConnection();

    @Option(names = "--table", required = true, description = "The table")
    String table;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Copy copy;

    /** The copy to compare with: an index or a table. */
    static final class Copy {
        @ArgGroup(exclusive = false)
        IndexCopy index;

        @ArgGroup(exclusive = false)
        TableCopy replica;
    }

    /** An OpenSearch index that should equal the table. */
    static final class IndexCopy {
        @Option(names = "--index", required = true, description = "The index or alias that should equal the table")
        String index;

        @ArgGroup(exclusive = false, multiplicity = "1")
        SearchConnectionOptions search = new SearchConnectionOptions();

        @Option(
                names = "--metadata-field",
                defaultValue = "@shardline",
                description = "Document field with " + "change metadata, not compared (default: ${DEFAULT-VALUE})")
        String metadataField;

        @Option(
                names = "--typed-field",
                defaultValue = "@dynamodb",
                description =
                        "Document field with the item's " + "typed copy, not compared (default: ${DEFAULT-VALUE})")
        String typedField;
    }

    /** A table that should hold what the replication selects of the table. */
    static final class TableCopy {
        @Option(names = "--target-table", required = true, description = "The replica table")
        String table;

        @Option(
                names = "--target-endpoint",
                description = "The replica's endpoint, or 'aws' (default: the " + "table's)")
        String endpoint;

        @Option(names = "--target-region", description = "The replica's region (default: the table's)")
        String region;

        @Option(names = "--target-access-key", description = "The replica's access key (default: the table's)")
        String accessKey;

        @Option(names = "--target-secret-key", description = "The replica's secret key (default: the table's)")
        String secretKey;

        @Option(
                names = "--version-attribute",
                defaultValue = "shardline:version",
                description = "The replica's " + "version attribute, not compared (default: ${DEFAULT-VALUE})")
        String versionAttribute;

        @Option(names = "--filter", description = "The replication's filter: only items satisfying it are expected")
        String filter;

        @Option(
                names = "--projection",
                description = "The replication's projection: only these attributes " + "(and the key) are expected")
        String projection;

        @Option(
                names = "--expression-names",
                split = ",",
                description = "Names the filter and projection use, " + "such as #s=status")
        Map<String, String> expressionNames = new LinkedHashMap<>();

        @Option(names = "--expression-values", description = "Values the filter uses, in DynamoDB JSON")
        String expressionValues;

        @Option(names = "--transform", description = "The replication's ReplicationTransform class")
        String transform;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CopyComparison.Result result;
        String copyName;
        try (DynamoDbClient client = connection.settings().createTableClient()) {
            if (copy.index != null) {
                copyName = "index " + copy.index.index;
                try (SearchIndexAdmin admin = new SearchIndexAdmin(copy.index.search.connection())) {
                    result = IndexVerifier.verify(
                            client, table, admin, copy.index.index, copy.index.metadataField, copy.index.typedField);
                }
            } else {
                TableCopy replica = copy.replica;
                copyName = "table " + replica.table;
                TableConnection target = TableConnection.of(
                        replica.endpoint == null ? connection.endpoint : replica.endpoint,
                        replica.region == null ? connection.region : replica.region,
                        replica.accessKey == null ? connection.accessKey : replica.accessKey,
                        replica.secretKey == null ? connection.secretKey : replica.secretKey);
                List<String> keys = TableFacts.describe(client, table).keyAttributes();
                ItemSelection selection = new ItemSelection(
                        keys,
                        replica.filter,
                        replica.projection,
                        replica.expressionNames,
                        replica.expressionValues,
                        ReplicationTransform.load(replica.transform));
                try (DynamoDbClient targetClient = target.settings().createTableClient()) {
                    result = TableVerifier.verify(
                            client, table, targetClient, replica.table, keys, replica.versionAttribute, selection);
                }
            }
        }
        out.printf(
                "table %s: %,d items expected; %s: %,d held; missing %,d%s; extra %,d%s; different %,d%s%n",
                table,
                result.expected(),
                copyName,
                result.held(),
                result.missing(),
                examples(result.missingKeys()),
                result.extra(),
                examples(result.extraKeys()),
                result.different(),
                examples(result.differentKeys()));
        out.println(
                result.equal()
                        ? "The " + copyName + " equals the table."
                        : "The " + copyName + " differs from the table.");
        out.flush();
        return result.equal() ? 0 : 1;
    }

    private static String examples(List<String> keys) {
        return keys.isEmpty() ? "" : " " + keys;
    }
}
