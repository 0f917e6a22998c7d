package io.shardline.engine.table;

import io.shardline.engine.api.BillingModeSummary;
import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.DeleteTable;
import io.shardline.engine.api.DescribeTable;
import io.shardline.engine.api.GlobalSecondaryIndexUpdate;
import io.shardline.engine.api.IndexProjection;
import io.shardline.engine.api.KeySchemaElement;
import io.shardline.engine.api.ListTables;
import io.shardline.engine.api.ProvisionedThroughput;
import io.shardline.engine.api.ProvisionedThroughputDescription;
import io.shardline.engine.api.SecondaryIndexDescription;
import io.shardline.engine.api.SseDescription;
import io.shardline.engine.api.SseSpecification;
import io.shardline.engine.api.StreamSpecification;
import io.shardline.engine.api.TableClassSummary;
import io.shardline.engine.api.TableDescription;
import io.shardline.engine.api.Tag;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.WarmThroughput;
import io.shardline.engine.api.WarmThroughputDescription;
import io.shardline.engine.changelog.StreamDefinition;
import io.shardline.engine.changelog.StreamViewType;
import io.shardline.engine.index.SecondaryIndex;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Family;
import io.shardline.engine.storage.StatsKeys;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.shardline.items.KeySchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** CreateTable, DescribeTable, ListTables, UpdateTable and DeleteTable, including enabling and disabling streams. */
public final class TableOperations {
    /** Tag that sets the initial partition count of one table (1 to {@value #MAX_PARTITIONS}). */
    public static final String PARTITIONS_TAG = "shardline:partitions";

    static final int MAX_PARTITIONS = 1024;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final String PROVISIONED = "PROVISIONED";
    private static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    private static final DateTimeFormatter LABEL_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Store store;
    private final TableCatalog catalog;
    private final int defaultPartitions;
    private final String arnPrefix;
    private final String kmsArnPrefix;
    private final Clock clock;
    private final IndexChanges indexChanges;
    private final Consumer<Table> onIndexCreating;

    /**
     * @param onIndexCreating called after UpdateTable added a global index, to backfill it from the table's items
     */
    public TableOperations(
            Store store,
            TableCatalog catalog,
            int defaultPartitions,
            String region,
            String accountId,
            Clock clock,
            Consumer<Table> onIndexCreating) {
        this.store = store;
        this.catalog = catalog;
        this.defaultPartitions = defaultPartitions;
        this.arnPrefix = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/";
        this.kmsArnPrefix = "arn:aws:kms:" + region + ":" + accountId + ":";
        this.clock = clock;
        this.indexChanges = new IndexChanges(store, catalog);
        this.onIndexCreating = onIndexCreating;
    }

    public CreateTable.Response createTable(CreateTable.Request request) {
        checkName(request.tableName(), "tableName");
        if (request.attributeDefinitions() == null
                || request.attributeDefinitions().isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'attributeDefinitions' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        KeySchema schema = IndexSpecs.keySchema(request.keySchema(), request.attributeDefinitions());
        String billingMode = billingMode(request.billingMode(), request.provisionedThroughput());
        List<SecondaryIndex> indexes = IndexSpecs.ofCreateTable(
                schema,
                request.globalSecondaryIndexes(),
                request.localSecondaryIndexes(),
                request.attributeDefinitions(),
                PROVISIONED.equals(billingMode));
        ProvisionedThroughput throughput = request.provisionedThroughput();
        StreamViewType viewType = streamToEnable(request.streamSpecification());
        List<Tag> tags = TagOperations.checkTags(request.tags() == null ? List.of() : request.tags());
        long now = clock.millis();
        TableDefinition template = new TableDefinition(
                request.tableName(),
                0,
                schema,
                List.copyOf(request.attributeDefinitions()),
                billingMode,
                throughput == null ? null : throughput.readCapacityUnits(),
                throughput == null ? null : throughput.writeCapacityUnits(),
                0,
                List.of(),
                0,
                List.of(),
                0,
                null,
                indexes,
                tags,
                TableSettings.of(request, now));
        Table table = catalog.create(
                template,
                partitionCount(request.tags()),
                now,
                (created, base) -> viewType == null ? base : enableStream(created, base, viewType, now));
        return new CreateTable.Response(describe(table, "ACTIVE"));
    }

    public DescribeTable.Response describeTable(DescribeTable.Request request) {
        checkName(request.tableName(), "tableName");
        return new DescribeTable.Response(describe(catalog.require(request.tableName()), "ACTIVE"));
    }

    public ListTables.Response listTables(ListTables.Request request) {
        int limit = request.limit() == null ? 100 : request.limit();
        if (limit < 1 || limit > 100) {
            throw DynamoException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed "
                    + "to satisfy constraint: Member must have value between 1 and 100");
        }
        List<String> names = catalog.names(request.exclusiveStartTableName(), limit);
        String last = names.size() == limit && catalog.hasNamesAfter(names.get(names.size() - 1))
                ? names.get(names.size() - 1)
                : null;
        return new ListTables.Response(names, last);
    }

    public UpdateTable.Response updateTable(UpdateTable.Request request) {
        checkName(request.tableName(), "tableName");
        Table table = catalog.require(request.tableName());
        StreamSpecification stream = request.streamSpecification();
        boolean billingChange = request.billingMode() != null || request.provisionedThroughput() != null;
        boolean settingsChange = TableSettings.changedBy(request);
        List<GlobalSecondaryIndexUpdate> indexUpdates = request.globalSecondaryIndexUpdates();
        if (indexUpdates != null) {
            if (indexUpdates.size() != 1) {
                throw DynamoException.validation("One or more parameter values were invalid: one "
                        + "GlobalSecondaryIndexUpdate per UpdateTable request, not " + indexUpdates.size());
            }
            if (billingChange || stream != null || settingsChange) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: GlobalSecondaryIndexUpdates "
                                + "cannot be combined with other table updates in one UpdateTable request");
            }
            boolean creating = indexChanges.update(table, indexUpdates.get(0), request.attributeDefinitions());
            if (creating) {
                onIndexCreating.accept(table);
            }
            return new UpdateTable.Response(describe(table, "UPDATING"));
        }
        if (!billingChange && stream == null && !settingsChange) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates, SSESpecification, DeletionProtectionEnabled, TableClass, "
                    + "OnDemandThroughput or WarmThroughput is required");
        }
        table.whileNoWrites(() -> {
            TableDefinition updated = table.definition();
            if (billingChange) {
                updated = withBilling(updated, request.billingMode(), request.provisionedThroughput());
            }
            if (stream != null) {
                updated = withStreamUpdate(table, updated, stream);
            }
            if (settingsChange) {
                updated = updated.withSettings(updated.settings().updatedBy(request, clock.millis()));
            }
            try (Batch batch = store.batch()) {
                catalog.redefine(table, updated, batch);
            }
            return updated;
        });
        return new UpdateTable.Response(describe(table, "ACTIVE"));
    }

    private static TableDefinition withBilling(
            TableDefinition current, String requestedMode, ProvisionedThroughput requested) {
        String mode = requestedMode == null ? current.billingMode() : requestedMode;
        ProvisionedThroughput throughput = requested == null && PROVISIONED.equals(mode)
                ? new ProvisionedThroughput(current.readCapacityUnits(), current.writeCapacityUnits())
                : requested;
        String billingMode = billingMode(mode, throughput);
        return PAY_PER_REQUEST.equals(billingMode)
                ? current.withBilling(billingMode, null, null)
                : current.withBilling(billingMode, throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }

    private TableDefinition withStreamUpdate(Table table, TableDefinition current, StreamSpecification stream) {
        StreamViewType viewType = streamToEnable(stream);
        Optional<StreamDefinition> enabled = current.enabledStream();
        if (viewType != null) {
            if (enabled.isPresent()) {
                throw DynamoException.validation(
                        "Table already has an enabled stream: " + streamArn(current, enabled.get()) + "; its view type "
                                + enabled.get().viewType() + " cannot change while "
                                + "enabled: disable the stream, then enable a new one");
            }
            return enableStream(table, current, viewType, clock.millis());
        }
        if (enabled.isEmpty()) {
            throw DynamoException.validation("Table " + current.name() + " has no enabled stream to disable");
        }
        return table.withStreamChange(current, clock.millis(), lineage -> lineage.disable(enabled.get()));
    }

    /** The view type a StreamSpecification asks to enable, or null when it asks to disable. */
    private static StreamViewType streamToEnable(StreamSpecification stream) {
        if (stream == null) {
            return null;
        }
        if (stream.streamEnabled() == null) {
            throw DynamoException.validation("1 validation error detected: Value null at "
                    + "'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null");
        }
        if (!stream.streamEnabled()) {
            if (stream.streamViewType() != null) {
                throw DynamoException.validation("One or more parameter values were invalid: "
                        + "StreamViewType cannot be specified when StreamEnabled is false");
            }
            return null;
        }
        if (stream.streamViewType() == null) {
            throw DynamoException.validation("One or more parameter values were invalid: "
                    + "StreamViewType is required when StreamEnabled is true");
        }
        return StreamViewType.parse(stream.streamViewType());
    }

    private static TableDefinition enableStream(Table table, TableDefinition base, StreamViewType viewType, long now) {
        long created = base.latestStream()
                .map(s -> Math.max(now, s.createdAtMillis() + 1))
                .orElse(now);
        String label = LABEL_FORMAT.format(Instant.ofEpochMilli(created));
        List<Long> partitions =
                base.openPartitions().stream().map(Partition::id).toList();
        return table.withStreamChange(base, created, lineage -> lineage.enable(label, viewType, partitions));
    }

    /** The ARN of one of a table's streams. */
    public String streamArn(TableDefinition table, StreamDefinition stream) {
        return arnPrefix + table.name() + "/stream/" + stream.label();
    }

    public DeleteTable.Response deleteTable(DeleteTable.Request request) {
        checkName(request.tableName(), "tableName");
        Table table = catalog.require(request.tableName());
        if (table.definition().settings().deletionProtectionEnabled()) {
            throw DynamoException.validation("Resource cannot be deleted as it is currently protected against "
                    + "deletion. Disable deletion protection first.");
        }
        TableDescription before = describe(table, "DELETING");
        catalog.delete(request.tableName());
        return new DeleteTable.Response(before);
    }

    /** The table as DescribeTable reports it, with the given status. */
    public TableDescription describe(Table table, String status) {
        TableDefinition d = table.definition();
        List<KeySchemaElement> keySchema = keySchemaElements(d.keySchema());
        boolean provisioned = PROVISIONED.equals(d.billingMode());
        Optional<StreamDefinition> latest = d.latestStream();
        StreamSpecification streamSpecification = d.enabledStream()
                .map(s -> new StreamSpecification(true, s.viewType()))
                .orElse(null);
        return new TableDescription(
                d.name(),
                status,
                tableId(d),
                tableArn(d.name()),
                d.attributeDefinitions(),
                keySchema,
                BigDecimal.valueOf(d.createdAtMillis()).movePointLeft(3),
                table.itemCount(),
                table.sizeBytes(),
                new BillingModeSummary(d.billingMode()),
                new ProvisionedThroughputDescription(
                        provisioned ? d.readCapacityUnits() : 0L, provisioned ? d.writeCapacityUnits() : 0L),
                streamSpecification,
                latest.map(s -> streamArn(d, s)).orElse(null),
                latest.map(StreamDefinition::label).orElse(null),
                indexDescriptions(d, true),
                indexDescriptions(d, false),
                d.settings().deletionProtectionEnabled(),
                d.settings().tableClass() == null
                        ? null
                        : new TableClassSummary(
                                d.settings().tableClass(),
                                BigDecimal.valueOf(d.settings().tableClassSetMillis())
                                        .movePointLeft(3)),
                d.settings().onDemandThroughput(),
                warmThroughput(d.settings().warmThroughput()),
                sseDescription(d.settings().sse()));
    }

    private static WarmThroughputDescription warmThroughput(WarmThroughput warm) {
        return warm == null
                ? null
                : new WarmThroughputDescription(warm.readUnitsPerSecond(), warm.writeUnitsPerSecond(), "ACTIVE");
    }

    /** A KMS key named by id or alias is described by its ARN in the engine's region and account. */
    private SseDescription sseDescription(SseSpecification sse) {
        if (sse == null) {
            return null;
        }
        String key = sse.kmsMasterKeyId() == null ? "alias/aws/dynamodb" : sse.kmsMasterKeyId();
        String kmsArn = key.startsWith("arn:") ? key : kmsArnPrefix + (key.startsWith("alias/") ? key : "key/" + key);
        return new SseDescription("ENABLED", sse.sseType() == null ? "KMS" : sse.sseType(), kmsArn);
    }

    /** The table's ARN, which TagResource and the other resource calls take. */
    public String tableArn(String tableName) {
        return arnPrefix + tableName;
    }

    /** The table a resource call names by its ARN. */
    Table tableOfArn(String arn) {
        if (arn == null || arn.isEmpty() || arn.length() > 1283) {
            throw DynamoException.validation("1 validation error detected: Value '" + arn + "' at 'resourceArn' "
                    + "failed to satisfy constraint: Member must have length between 1 and 1283");
        }
        String name = arn.startsWith(arnPrefix) ? arn.substring(arnPrefix.length()) : null;
        if (name == null || name.contains("/")) {
            throw DynamoException.validation("Invalid TableArn: " + arn + " is not the ARN of a table of this engine");
        }
        try {
            return catalog.require(name);
        } catch (DynamoException e) {
            throw new DynamoException(
                    ErrorType.RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: " + arn + " not found");
        }
    }

    private List<SecondaryIndexDescription> indexDescriptions(TableDefinition d, boolean global) {
        List<SecondaryIndexDescription> described = new ArrayList<>();
        for (SecondaryIndex index : d.indexes()) {
            if (index.global() != global) {
                continue;
            }
            boolean creating = !index.isActive();
            described.add(new SecondaryIndexDescription(
                    index.name(),
                    keySchemaElements(index.keySchema()),
                    new IndexProjection(
                            index.projectionType(),
                            index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes()),
                    global ? index.status() : null,
                    global && creating ? Boolean.TRUE : null,
                    global
                            ? new ProvisionedThroughputDescription(
                                    index.readCapacityUnits() == null ? 0L : index.readCapacityUnits(),
                                    index.writeCapacityUnits() == null ? 0L : index.writeCapacityUnits())
                            : null,
                    store.counter(Family.STATS, StatsKeys.indexBytes(index.id())),
                    store.counter(Family.STATS, StatsKeys.indexItems(index.id())),
                    tableArn(d.name()) + "/index/" + index.name()));
        }
        return described.isEmpty() ? null : described;
    }

    private static List<KeySchemaElement> keySchemaElements(KeySchema schema) {
        List<KeySchemaElement> elements = new ArrayList<>();
        elements.add(new KeySchemaElement(schema.partitionKey(), "HASH"));
        if (schema.hasSortKey()) {
            elements.add(new KeySchemaElement(schema.sortKey(), "RANGE"));
        }
        return elements;
    }

    /** A UUID-shaped id, stable for the table's lifetime, as DynamoDB reports TableId. */
    private static String tableId(TableDefinition d) {
        return new java.util.UUID(d.id(), d.createdAtMillis()).toString();
    }

    static void checkName(String name, String member) {
        if (name == null) {
            throw DynamoException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (name.length() < 3 || name.length() > 255) {
            throw DynamoException.validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length "
                    + (name.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '" + name + "' at '" + member
                            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    private static String billingMode(String requested, ProvisionedThroughput throughput) {
        String mode = requested == null ? PROVISIONED : requested;
        if (PAY_PER_REQUEST.equals(mode)) {
            if (throughput != null
                    && (throughput.readCapacityUnits() != null || throughput.writeCapacityUnits() != null)) {
                throw DynamoException.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
            return mode;
        }
        if (!PROVISIONED.equals(mode)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '" + mode + "' at 'billingMode' "
                            + "failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        if (throughput == null || throughput.readCapacityUnits() == null || throughput.writeCapacityUnits() == null) {
            throw DynamoException.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified "
                    + "when BillingMode is PROVISIONED");
        }
        if (throughput.readCapacityUnits() < 1 || throughput.writeCapacityUnits() < 1) {
            throw DynamoException.validation("1 validation error detected: Value '" + throughput + "' at "
                    + "'provisionedThroughput' failed to satisfy constraint: capacity units must be at least 1");
        }
        return mode;
    }

    private int partitionCount(List<Tag> tags) {
        if (tags == null) {
            return defaultPartitions;
        }
        for (Tag tag : tags) {
            if (PARTITIONS_TAG.equals(tag.key())) {
                try {
                    int count = Integer.parseInt(tag.value());
                    if (count >= 1 && count <= MAX_PARTITIONS) {
                        return count;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below with the offending value
                }
                throw DynamoException.validation("Tag " + PARTITIONS_TAG + " must be a whole number from 1 to "
                        + MAX_PARTITIONS + ", not '" + tag.value() + "'");
            }
        }
        return defaultPartitions;
    }
}
