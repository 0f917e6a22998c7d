package io.shardline.jobs.replication;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.jobs.cli.TableConnection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One table the replication writes to: its name and how to reach it. Written on the command line as
 * the table's name alone (same endpoint and credentials as the source) or as
 * {@code table=NAME,endpoint=URL|aws,region=R,access-key=K,secret-key=S,profile=P,role-arn=ARN}, where
 * each setting left out is the source's (a target with keys of its own takes no profile or role from
 * the source).
 *
 * @param name what progress lines and errors call it: the table, and its endpoint where that differs
 */
record ReplicationTarget(String table, TableConnection connection, String name) {
    private static final Set<String> SETTINGS =
            Set.of("table", "endpoint", "region", "access-key", "secret-key", "profile", "role-arn");

    static ReplicationTarget parse(String text, TableConnection source) {
        Map<String, String> settings = new TreeMap<>();
        if (!text.contains("=")) {
            settings.put("table", text.trim());
        } else {
            for (String part : text.split(",")) {
                int equals = part.indexOf('=');
                String setting =
                        equals < 0 ? part.trim() : part.substring(0, equals).trim();
                if (equals < 0 || !SETTINGS.contains(setting)) {
                    throw new IllegalArgumentException("--target " + text + ": '" + part + "' is not one of "
                            + "table=, endpoint=, region=, access-key=, secret-key=, profile=, role-arn=");
                }
                settings.put(setting, part.substring(equals + 1).trim());
            }
        }
        String table = settings.get("table");
        if (table == null || table.isEmpty()) {
            throw new IllegalArgumentException("--target " + text + " names no table (table=NAME)");
        }
        TableConnection connection = TableConnection.of(
                settings.getOrDefault("endpoint", source.endpoint),
                settings.getOrDefault("region", source.region),
                settings.getOrDefault("access-key", source.accessKey),
                settings.getOrDefault("secret-key", source.secretKey));
        boolean ownKeys = settings.containsKey("access-key");
        connection.profile = settings.getOrDefault("profile", ownKeys ? null : source.profile);
        connection.roleArn = settings.getOrDefault("role-arn", ownKeys ? null : source.roleArn);
        connection.roleSession = source.roleSession;
        String where = connection.endpoint.equals(source.endpoint) && connection.region.equals(source.region)
                ? ""
                : " at " + ("aws".equals(connection.endpoint) ? "aws " + connection.region : connection.endpoint);
        return new ReplicationTarget(table, connection, table + where);
    }

    DynamoClientSettings settings() {
        return connection.settings();
    }

    /** Whether this target is the table {@code source} names at the source's endpoint. */
    boolean isSource(String sourceTable, TableConnection source) {
        return table.equals(sourceTable)
                && connection.endpoint.equals(source.endpoint)
                && connection.region.equals(source.region);
    }
}
