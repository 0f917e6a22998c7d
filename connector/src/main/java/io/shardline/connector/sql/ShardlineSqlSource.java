package io.shardline.connector.sql;

import static io.shardline.connector.sql.ShardlineSqlOptions.BOUNDED;
import static io.shardline.connector.sql.ShardlineSqlOptions.IDLE_POLL_INTERVAL;
import static io.shardline.connector.sql.ShardlineSqlOptions.IGNORE_PARSE_ERRORS;
import static io.shardline.connector.sql.ShardlineSqlOptions.RECORDS_PER_GET;
import static io.shardline.connector.sql.ShardlineSqlOptions.SHARD_DISCOVERY_INTERVAL;
import static io.shardline.connector.sql.ShardlineSqlOptions.STARTUP_MODE;
import static io.shardline.connector.sql.ShardlineSqlOptions.STARTUP_TIMESTAMP_MILLIS;
import static io.shardline.connector.sql.ShardlineSqlOptions.STREAM_ARN;
import static io.shardline.connector.sql.ShardlineSqlOptions.TABLE_NAME;
import static io.shardline.connector.sql.ShardlineSqlOptions.TABLE_NAME_PATTERN;

import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.source.ShardlineSource;
import io.shardline.connector.source.ShardlineSourceBuilder;
import io.shardline.connector.source.ShardlineSourceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsReadingMetadata;
import org.apache.flink.table.connector.source.abilities.SupportsWatermarkPushDown;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A table's change stream as a Flink SQL changelog, on the DataStream source: one split per shard,
 * parents before children, exactly once; the table's watermark strategy runs in the source, per
 * shard.
 */
final class ShardlineSqlSource implements ScanTableSource, SupportsReadingMetadata, SupportsWatermarkPushDown {
    private final Configuration options;
    private final DataType physicalType;
    private final boolean upsert;
    private List<ChangeMetadata> metadata = List.of();
    private DataType producedType;
    private WatermarkStrategy<RowData> watermarks = WatermarkStrategy.noWatermarks();

    /** @param upsert whether the stream carries new images only, read as an upsert changelog */
    ShardlineSqlSource(Configuration options, DataType physicalType, boolean upsert) {
        this.options = options;
        this.physicalType = physicalType;
        this.producedType = physicalType;
        this.upsert = upsert;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return upsert ? ChangelogMode.upsert(true) : ChangelogMode.all();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        ChangelogRows rows = new ChangelogRows(
                new ItemRowMapping((RowType) physicalType.getLogicalType()),
                upsert,
                options.get(IGNORE_PARSE_ERRORS),
                metadata,
                context.createTypeInformation(producedType));
        ShardlineSource<RowData> source = source(options).deserializer(rows).build();
        boolean bounded = options.get(BOUNDED);
        WatermarkStrategy<RowData> strategy = watermarks;
        return new DataStreamScanProvider() {
            @Override
            public DataStream<RowData> produceDataStream(ProviderContext provider, StreamExecutionEnvironment env) {
                return env.fromSource(source, strategy, asSummaryString())
                        .uid(provider.generateUid("shardline-stream").orElse("shardline-stream"));
            }

            @Override
            public boolean isBounded() {
                return bounded;
            }
        };
    }

    /** The DataStream source the options describe, without its deserializer. */
    static ShardlineSourceBuilder<RowData> source(Configuration options) {
        DynamoClientSettings client = TableLocation.client(options);
        ShardlineSourceBuilder<RowData> builder = ShardlineSource.<RowData>builder()
                .region(client.region())
                .credentialsProvider(client.credentials())
                .option(ShardlineSourceOptions.SHARD_DISCOVERY_INTERVAL, options.get(SHARD_DISCOVERY_INTERVAL))
                .option(ShardlineSourceOptions.RECORDS_PER_GET, options.get(RECORDS_PER_GET))
                .option(ShardlineSourceOptions.IDLE_POLL_INTERVAL, options.get(IDLE_POLL_INTERVAL))
                .option(ShardlineSourceOptions.ON_TRIMMED_DATA, options.get(ShardlineSqlOptions.ON_TRIMMED_DATA))
                .option(ShardlineSourceOptions.RETRY_MAX_ATTEMPTS, client.maxAttempts())
                .option(ShardlineSourceOptions.RETRY_BASE_DELAY, client.baseRetryDelay())
                .option(ShardlineSourceOptions.RETRY_MAX_DELAY, client.maxRetryDelay());
        if (client.endpoint() != null) {
            builder.endpoint(client.endpoint());
        }
        options.getOptional(TABLE_NAME).ifPresent(builder::tableName);
        options.getOptional(TABLE_NAME_PATTERN).ifPresent(builder::tableNamePattern);
        options.getOptional(STREAM_ARN).ifPresent(builder::streamArn);
        switch (options.get(STARTUP_MODE)) {
            case "trim-horizon" -> {}
            case "latest" -> builder.startingAtLatest();
            case "timestamp" ->
                builder.startingAtTimestamp(Instant.ofEpochMilli(options.getOptional(STARTUP_TIMESTAMP_MILLIS)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "'scan.startup.mode' = " + "'timestamp' needs 'scan.startup.timestamp-millis'"))));
            default ->
                throw new IllegalArgumentException("'scan.startup.mode' is 'trim-horizon', 'latest' or "
                        + "'timestamp', not '" + options.get(STARTUP_MODE) + "'");
        }
        if (options.get(BOUNDED)) {
            builder.bounded();
        }
        return builder;
    }

    @Override
    public Map<String, DataType> listReadableMetadata() {
        Map<String, DataType> readable = new LinkedHashMap<>();
        for (ChangeMetadata column : ChangeMetadata.values()) {
            readable.put(column.key, column.type);
        }
        return readable;
    }

    @Override
    public void applyReadableMetadata(List<String> keys, DataType producedDataType) {
        List<ChangeMetadata> columns = new ArrayList<>();
        keys.forEach(key -> columns.add(ChangeMetadata.byKey(key)));
        this.metadata = columns;
        this.producedType = producedDataType;
    }

    @Override
    public void applyWatermark(WatermarkStrategy<RowData> strategy) {
        this.watermarks = strategy;
    }

    @Override
    public DynamicTableSource copy() {
        ShardlineSqlSource copy = new ShardlineSqlSource(options, physicalType, upsert);
        copy.metadata = metadata;
        copy.producedType = producedType;
        copy.watermarks = watermarks;
        return copy;
    }

    @Override
    public String asSummaryString() {
        return "shardline "
                + options.getOptional(TABLE_NAME)
                        .or(() -> options.getOptional(TABLE_NAME_PATTERN))
                        .or(() -> options.getOptional(STREAM_ARN))
                        .orElse("stream");
    }
}
