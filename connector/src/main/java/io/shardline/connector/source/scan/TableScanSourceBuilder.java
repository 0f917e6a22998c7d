package io.shardline.connector.source.scan;

import io.shardline.connector.client.CredentialsFactory;
import io.shardline.connector.client.DynamoClientSettings;
import io.shardline.connector.config.ConfigOptionRules;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Builds a {@link TableScanSource}: a table and a mapping are required; 16 segments, pages of 1,000
 * items and strongly consistent reads unless set otherwise. Checked at {@link #build()}.
 */
@PublicEvolving
public final class TableScanSourceBuilder<T> {
    private String table;
    private String endpoint;
    private String region = "us-east-1";
    private CredentialsFactory credentials = CredentialsFactory.defaultChain();
    private int segments = 16;
    private int pageSize = 1_000;
    private boolean consistentRead = true;
    private TableScanSource.ItemMapping<T> mapping;
    private TypeInformation<T> type;

    TableScanSourceBuilder() {}

    public TableScanSourceBuilder<T> tableName(String name) {
        this.table = name;
        return this;
    }

    /** The DynamoDB endpoint, for example Shardline's server; leave unset for Amazon DynamoDB. */
    public TableScanSourceBuilder<T> endpoint(String url) {
        this.endpoint = url;
        return this;
    }

    public TableScanSourceBuilder<T> region(String name) {
        this.region = name;
        return this;
    }

    /** Credentials from any AWS credentials provider, made on each task manager (default: the SDK's default chain). */
    public TableScanSourceBuilder<T> credentialsProvider(CredentialsFactory factory) {
        this.credentials = Objects.requireNonNull(factory, "credentials factory");
        return this;
    }

    /** Scan segments (1 to 1,000,000), each a split; more segments than readers lets fast readers take more. */
    public TableScanSourceBuilder<T> segments(int count) {
        this.segments = count;
        return this;
    }

    /** Items per Scan call (1 to 10,000; DynamoDB also stops a page at 1 MB). */
    public TableScanSourceBuilder<T> pageSize(int items) {
        this.pageSize = items;
        return this;
    }

    /** Eventually consistent reads: half the read capacity on Amazon DynamoDB, possibly a little stale. */
    public TableScanSourceBuilder<T> eventuallyConsistent() {
        this.consistentRead = false;
        return this;
    }

    /** How each item becomes the job's type, and that type. */
    public TableScanSourceBuilder<T> items(TableScanSource.ItemMapping<T> toElement, TypeInformation<T> producedType) {
        this.mapping = Objects.requireNonNull(toElement, "item mapping");
        this.type = Objects.requireNonNull(producedType, "produced type");
        return this;
    }

    public TableScanSource<T> build() {
        ConfigOptionRules.text(table, "tableName");
        if (segments < 1 || segments > 1_000_000) {
            throw new IllegalArgumentException("segments must be from 1 to 1000000, not " + segments);
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("pageSize must be from 1 to 10000, not " + pageSize);
        }
        if (mapping == null) {
            throw new IllegalArgumentException("items(mapping, type) is required: how each item becomes an element");
        }
        DynamoClientSettings client = new DynamoClientSettings(
                endpoint,
                region,
                credentials,
                DynamoClientSettings.DEFAULT_MAX_ATTEMPTS,
                DynamoClientSettings.DEFAULT_BASE_RETRY_DELAY,
                DynamoClientSettings.DEFAULT_MAX_RETRY_DELAY);
        return new TableScanSource<>(client, table, segments, pageSize, consistentRead, mapping, type);
    }
}
