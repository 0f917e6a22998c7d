package io.shardline.connector.sql;

import static io.shardline.connector.sql.ShardlineSqlOptions.SINK_BATCH_SIZE;
import static io.shardline.connector.sql.ShardlineSqlOptions.SINK_MAX_IN_FLIGHT;
import static io.shardline.connector.sql.ShardlineSqlOptions.SINK_MAX_TIME_IN_BUFFER;
import static io.shardline.connector.sql.ShardlineSqlOptions.TABLE_NAME;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.sink.ShardlineTableSink;
import io.shardline.connector.sink.ShardlineTableSinkBuilder;
import io.shardline.connector.sink.ShardlineTableSinkOptions;
import io.shardline.connector.sink.TableWrite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Upserts into a table through the table sink: the declared primary key is the item key, +I and +U
 * rows become puts of the row's item, -D rows deletes of its key (-U rows are not asked for). Writes
 * of a key keep their order; a replay after a failure writes the same sequence again.
 */
final class ShardlineSqlSink implements DynamicTableSink {
    private final Configuration options;
    private final ItemRowMapping mapping;
    private final List<String> keyColumns;

    ShardlineSqlSink(Configuration options, ItemRowMapping mapping, List<String> keyColumns) {
        this.options = options;
        this.mapping = mapping;
        this.keyColumns = List.copyOf(keyColumns);
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requested) {
        return ChangelogMode.upsert();
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        DynamoClientSettings client = TableLocation.client(options);
        ItemRowMapping items = mapping;
        List<String> keys = keyColumns;
        ShardlineTableSinkBuilder<RowData> sink = ShardlineTableSink.<RowData>builder()
                .tableName(options.get(TABLE_NAME))
                .region(client.region())
                .credentialsProvider(client.credentials())
                .option(ShardlineTableSinkOptions.BATCH_SIZE, options.get(SINK_BATCH_SIZE))
                .option(ShardlineTableSinkOptions.MAX_IN_FLIGHT_REQUESTS, options.get(SINK_MAX_IN_FLIGHT))
                .option(ShardlineTableSinkOptions.MAX_TIME_IN_BUFFER, options.get(SINK_MAX_TIME_IN_BUFFER))
                .option(ShardlineTableSinkOptions.RETRY_MAX_ATTEMPTS, client.maxAttempts())
                .option(ShardlineTableSinkOptions.RETRY_BASE_DELAY, client.baseRetryDelay())
                .option(ShardlineTableSinkOptions.RETRY_MAX_DELAY, client.maxRetryDelay())
                .writes(row -> {
                    Map<String, AttributeValue> item = items.item(row);
                    if (row.getRowKind() != RowKind.DELETE) {
                        return TableWrite.unversionedPut(item);
                    }
                    Map<String, AttributeValue> key = new HashMap<>();
                    keys.forEach(column -> key.put(column, item.get(column)));
                    return TableWrite.unversionedDelete(key);
                });
        if (client.endpoint() != null) {
            sink.endpoint(client.endpoint());
        }
        return SinkV2Provider.of(sink.build());
    }

    @Override
    public DynamicTableSink copy() {
        return new ShardlineSqlSink(options, mapping, keyColumns);
    }

    @Override
    public String asSummaryString() {
        return "shardline " + options.get(TABLE_NAME);
    }
}
