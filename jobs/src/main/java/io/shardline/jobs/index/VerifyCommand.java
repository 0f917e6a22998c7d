package io.shardline.jobs.index;

import io.shardline.jobs.cli.TableConnection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code verify}: compares a table with its OpenSearch index and exits 1 on any difference. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compares a table with its OpenSearch index; exits 1 when they differ.")
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    TableConnection connection = new TableConnection();

    @Mixin
    IndexOptions.SearchConnection search = new IndexOptions.SearchConnection();

    @Option(names = "--table", required = true, description = "The table")
    String table;

    @Option(names = "--index", required = true, description = "The index or alias that should equal it")
    String index;

    @Option(names = "--metadata-field", description = "Document field with change metadata, not compared "
            + "(default: ${DEFAULT-VALUE})")
    String metadataField = "@shardline";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        IndexVerifier.Result result;
        try (DynamoDbClient client = connection.settings().createTableClient();
             SearchIndexAdmin admin = new SearchIndexAdmin(search.connection())) {
            result = IndexVerifier.verify(client, table, admin, index, metadataField);
        }
        out.printf("table %s: %,d items; index %s: %,d documents; missing %,d%s; extra %,d%s; different %,d%s%n",
                table, result.items(), index, result.documents(), result.missing(), examples(result.missingIds()),
                result.extra(), examples(result.extraIds()), result.different(), examples(result.differentIds()));
        out.println(result.equal() ? "The index equals the table." : "The index differs from the table.");
        out.flush();
        return result.equal() ? 0 : 1;
    }

    private static String examples(List<String> ids) {
        return ids.isEmpty() ? "" : " " + ids;
    }
}
