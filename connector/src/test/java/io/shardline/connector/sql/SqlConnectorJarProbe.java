package io.shardline.connector.sql;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Run in a JVM whose class path holds Flink and the SQL connector jar but no AWS SDK of its own: reads
 * a table's stream to its end through {@code 'connector' = 'shardline'} and prints each row.
 */
public final class SqlConnectorJarProbe {
    private SqlConnectorJarProbe() {}

    public static void main(String[] args) throws Exception {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.executeSql("CREATE TABLE probe (id STRING, n BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ("
                + "'connector' = 'shardline', 'table-name' = '" + args[1] + "', 'endpoint' = '" + args[0] + "', "
                + "'access-key' = 'test', 'secret-key' = 'test', 'scan.bounded' = 'true')");
        try (CloseableIterator<Row> rows =
                tables.executeSql("SELECT id, n FROM probe").collect()) {
            rows.forEachRemaining(row -> System.out.println("ROW " + row));
        }
    }
}
