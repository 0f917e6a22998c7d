package io.shardline.connector.source.enumerator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Which streams a source reads: one fixed stream, or the streams of named tables, or of every table
 * whose name matches a pattern. Table selections follow each table's latest stream, so a stream
 * enabled later (after the previous one was disabled) and, with a pattern, a table created later are
 * picked up at the next discovery.
 */
@Internal
public sealed interface StreamSelector extends Serializable {

    /** Whether the streams come from tables (looked up at every discovery) rather than a fixed ARN. */
    default boolean followsTables() {
        return !(this instanceof StreamArn);
    }

    /** The selected tables as they are now; empty for a fixed stream. */
    List<String> tables(DynamoDbClient client);

    /** Whether a table with no stream, or no longer there, is an error (named) or just not read (matched). */
    default boolean requiresEveryTable() {
        return this instanceof TableNames;
    }

    /** A readable form for messages. */
    String describe();

    /** One stream by its ARN. */
    record StreamArn(String arn) implements StreamSelector {
        @Override
        public List<String> tables(DynamoDbClient client) {
            return List.of();
        }

        @Override
        public String describe() {
            return "stream " + arn;
        }
    }

    /** The latest streams of these tables. */
    record TableNames(List<String> names) implements StreamSelector {
        public TableNames {
            names = List.copyOf(names);
        }

        @Override
        public List<String> tables(DynamoDbClient client) {
            return names;
        }

        @Override
        public String describe() {
            return "tables " + names;
        }
    }

    /** The latest streams of every table whose whole name matches {@code regex}. */
    record TableNamePattern(String regex) implements StreamSelector {
        public TableNamePattern {
            Pattern.compile(regex);
        }

        @Override
        public List<String> tables(DynamoDbClient client) {
            Pattern pattern = Pattern.compile(regex);
            List<String> matching = new ArrayList<>();
            client.listTablesPaginator(r -> r.limit(100)).tableNames().forEach(name -> {
                if (pattern.matcher(name).matches()) {
                    matching.add(name);
                }
            });
            return matching;
        }

        @Override
        public String describe() {
            return "tables matching " + regex;
        }
    }

    /** The table a stream ARN belongs to ({@code arn:...:table/<name>/stream/<label>}), or the ARN itself. */
    static String tableOf(String streamArn) {
        int table = streamArn.indexOf(":table/");
        int stream = streamArn.indexOf("/stream/");
        return table < 0 || stream < table ? streamArn : streamArn.substring(table + 7, stream);
    }
}
