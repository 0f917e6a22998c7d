package io.shardline.connector.sql;

import static io.shardline.connector.sql.ShardlineSqlOptions.STREAM_ARN;
import static io.shardline.connector.sql.ShardlineSqlOptions.TABLE_NAME;
import static io.shardline.connector.sql.ShardlineSqlOptions.TABLE_NAME_PATTERN;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.enumerator.StreamSelector;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@code 'connector' = 'shardline'}: a table's change stream as a SQL source (a full changelog from a
 * NEW_AND_OLD_IMAGES stream, an upsert changelog from a NEW_IMAGE stream with a primary key), and a
 * table as an upsert SQL sink keyed by its primary key. Tables are described while planning, so a
 * stream or key that cannot serve the declared table is refused before anything runs.
 */
@PublicEvolving
public final class ShardlineTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    public static final String IDENTIFIER = "shardline";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(
                TABLE_NAME,
                TABLE_NAME_PATTERN,
                STREAM_ARN,
                ShardlineSqlOptions.ENDPOINT,
                ShardlineSqlOptions.REGION,
                ShardlineSqlOptions.ACCESS_KEY,
                ShardlineSqlOptions.SECRET_KEY,
                ShardlineSqlOptions.STARTUP_MODE,
                ShardlineSqlOptions.STARTUP_TIMESTAMP_MILLIS,
                ShardlineSqlOptions.BOUNDED,
                ShardlineSqlOptions.SHARD_DISCOVERY_INTERVAL,
                ShardlineSqlOptions.RECORDS_PER_GET,
                ShardlineSqlOptions.IDLE_POLL_INTERVAL,
                ShardlineSqlOptions.ON_TRIMMED_DATA,
                ShardlineSqlOptions.IGNORE_PARSE_ERRORS,
                ShardlineSqlOptions.RETRY_MAX_ATTEMPTS,
                ShardlineSqlOptions.RETRY_BASE_DELAY,
                ShardlineSqlOptions.RETRY_MAX_DELAY,
                ShardlineSqlOptions.SINK_BATCH_SIZE,
                ShardlineSqlOptions.SINK_MAX_IN_FLIGHT,
                ShardlineSqlOptions.SINK_MAX_TIME_IN_BUFFER);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        Configuration options = Configuration.fromMap(context.getCatalogTable().getOptions());
        long selections = Stream.of(TABLE_NAME, TABLE_NAME_PATTERN, STREAM_ARN)
                .filter(option -> options.getOptional(option).isPresent())
                .count();
        if (selections != 1) {
            throw new ValidationException("Give exactly one of 'table-name', 'table-name-pattern' and 'stream-arn'");
        }
        List<String> primaryKey = context.getCatalogTable()
                .getResolvedSchema()
                .getPrimaryKey()
                .map(UniqueConstraint::getColumns)
                .orElse(List.of());
        RowType physical = (RowType) context.getPhysicalRowDataType().getLogicalType();
        new ItemRowMapping(physical); // refuses, while planning, column types no attribute maps to
        ShardlineSqlSource.source(options); // and startup settings that cannot work
        StreamViewType view = viewType(options, primaryKey);
        if (view == StreamViewType.NEW_AND_OLD_IMAGES) {
            return new ShardlineSqlSource(options, context.getPhysicalRowDataType(), false);
        }
        if (view == StreamViewType.NEW_IMAGE && !primaryKey.isEmpty()) {
            return new ShardlineSqlSource(options, context.getPhysicalRowDataType(), true);
        }
        throw new ValidationException("The stream of " + describe(options) + " has view type " + view + ", which "
                + "cannot serve SQL table " + context.getObjectIdentifier() + ": a source needs NEW_AND_OLD_IMAGES "
                + "(a full changelog), or NEW_IMAGE with a PRIMARY KEY declared (an upsert changelog)");
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        Configuration options = Configuration.fromMap(context.getCatalogTable().getOptions());
        String table = options.getOptional(TABLE_NAME)
                .orElseThrow(() -> new ValidationException("A shardline sink needs 'table-name'"));
        List<String> primaryKey = context.getCatalogTable()
                .getResolvedSchema()
                .getPrimaryKey()
                .map(UniqueConstraint::getColumns)
                .orElseThrow(() -> new ValidationException(
                        "A shardline sink needs " + "a PRIMARY KEY: the columns of table " + table + "'s key"));
        ItemRowMapping mapping =
                new ItemRowMapping((RowType) context.getPhysicalRowDataType().getLogicalType());
        TableLocation.requireKey(primaryKey, TableLocation.describe(TableLocation.client(options), table));
        return new ShardlineSqlSink(options, mapping, primaryKey);
    }

    /**
     * The view type of the stream the options select (of every selected table: the first that does
     * not carry both images), checking a declared primary key against each table's key.
     */
    private static StreamViewType viewType(ReadableConfig options, List<String> primaryKey) {
        DynamoClientSettings client = TableLocation.client(options);
        if (options.getOptional(STREAM_ARN).isPresent()) {
            try (DynamoDbStreamsClient streams = client.createClient()) {
                return streams.describeStream(r -> r.streamArn(options.get(STREAM_ARN)))
                        .streamDescription()
                        .streamViewType();
            } catch (RuntimeException e) {
                throw new ValidationException(
                        "Cannot describe stream " + options.get(STREAM_ARN) + ": " + e.getMessage(), e);
            }
        }
        List<String> tables;
        try (DynamoDbClient dynamo = client.createTableClient()) {
            tables = options.getOptional(TABLE_NAME)
                    .map(List::of)
                    .orElseGet(
                            () -> new StreamSelector.TableNamePattern(options.get(TABLE_NAME_PATTERN)).tables(dynamo));
        }
        if (tables.isEmpty()) {
            throw new ValidationException("No table matches 'table-name-pattern' " + options.get(TABLE_NAME_PATTERN)
                    + " yet; its streams' view type decides the changelog, so create one first");
        }
        StreamViewType weakest = StreamViewType.NEW_AND_OLD_IMAGES;
        for (String name : tables) {
            TableDescription table = TableLocation.describe(client, name);
            if (!primaryKey.isEmpty()) {
                TableLocation.requireKey(primaryKey, table);
            }
            StreamViewType view = table.streamSpecification() == null
                            || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                    ? null
                    : table.streamSpecification().streamViewType();
            if (view != StreamViewType.NEW_AND_OLD_IMAGES) {
                weakest = view;
                if (view != StreamViewType.NEW_IMAGE) {
                    break;
                }
            }
        }
        return weakest;
    }

    private static String describe(ReadableConfig options) {
        return options.getOptional(TABLE_NAME)
                .map(name -> "table " + name)
                .or(() -> options.getOptional(TABLE_NAME_PATTERN).map(pattern -> "the tables matching " + pattern))
                .orElseGet(() -> "stream " + options.get(STREAM_ARN));
    }
}
