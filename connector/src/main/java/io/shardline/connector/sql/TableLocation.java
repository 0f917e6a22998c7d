package io.shardline.connector.sql;

import static io.shardline.connector.sql.ShardlineSqlOptions.ACCESS_KEY;
import static io.shardline.connector.sql.ShardlineSqlOptions.ENDPOINT;
import static io.shardline.connector.sql.ShardlineSqlOptions.REGION;
import static io.shardline.connector.sql.ShardlineSqlOptions.RETRY_BASE_DELAY;
import static io.shardline.connector.sql.ShardlineSqlOptions.RETRY_MAX_ATTEMPTS;
import static io.shardline.connector.sql.ShardlineSqlOptions.RETRY_MAX_DELAY;
import static io.shardline.connector.sql.ShardlineSqlOptions.SECRET_KEY;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Where a SQL table's DynamoDB table is and how to reach it, from the table's options. */
final class TableLocation {
    private TableLocation() {}

    /** The client settings the options give: endpoint, region, static or default credentials, retries. */
    static DynamoClientSettings client(ReadableConfig options) {
        String accessKey = options.getOptional(ACCESS_KEY).orElse(null);
        String secretKey = options.getOptional(SECRET_KEY).orElse(null);
        if ((accessKey == null) != (secretKey == null)) {
            throw new ValidationException("Give both 'access-key' and 'secret-key', or neither (for the AWS SDK's "
                    + "default credentials chain)");
        }
        return new DynamoClientSettings(
                options.getOptional(ENDPOINT).orElse(null),
                options.get(REGION),
                accessKey == null
                        ? CredentialsFactory.defaultChain()
                        : CredentialsFactory.staticKeys(accessKey, secretKey),
                options.get(RETRY_MAX_ATTEMPTS),
                options.get(RETRY_BASE_DELAY),
                options.get(RETRY_MAX_DELAY));
    }

    /** The table's key attributes, partition key first. */
    static List<String> keyAttributes(TableDescription table) {
        List<String> keys = new ArrayList<>();
        table.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> keys.add(k.attributeName()));
        table.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> keys.add(k.attributeName()));
        return keys;
    }

    /** Describes {@code table}, or refuses the SQL table naming the table and why it cannot be described. */
    static TableDescription describe(DynamoClientSettings settings, String table) {
        try (DynamoDbClient client = settings.createTableClient()) {
            return client.describeTable(r -> r.tableName(table)).table();
        } catch (RuntimeException e) {
            throw new ValidationException(
                    "Cannot describe table " + table + (settings.endpoint() == null ? "" : " at " + settings.endpoint())
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /** Refuses a primary key that is not the table's key. */
    static void requireKey(List<String> primaryKey, TableDescription table) {
        List<String> keys = keyAttributes(table);
        if (!new HashSet<>(primaryKey).equals(new HashSet<>(keys))) {
            throw new ValidationException("The PRIMARY KEY " + primaryKey + " is not the key of table "
                    + table.tableName() + ", which is " + keys);
        }
    }
}
