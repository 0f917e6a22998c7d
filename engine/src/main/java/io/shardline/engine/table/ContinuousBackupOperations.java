package io.shardline.engine.table;

import io.shardline.engine.api.ContinuousBackups;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;

/**
 * DescribeContinuousBackups and UpdateContinuousBackups: the engine keeps no backups, so it reports
 * both DISABLED, accepts a request that disables point-in-time recovery, and refuses one that
 * enables it with a message that says so.
 */
public final class ContinuousBackupOperations {
    private static final ContinuousBackups.Response DISABLED = new ContinuousBackups.Response(
            new ContinuousBackups.Description("DISABLED", new ContinuousBackups.PointInTimeRecovery("DISABLED")));

    private final TableCatalog catalog;

    public ContinuousBackupOperations(TableCatalog catalog) {
        this.catalog = catalog;
    }

    public ContinuousBackups.Response describe(ContinuousBackups.DescribeRequest request) {
        requireTable(request.tableName());
        return DISABLED;
    }

    public ContinuousBackups.Response update(ContinuousBackups.UpdateRequest request) {
        requireTable(request.tableName());
        ContinuousBackups.PointInTimeRecoverySpecification spec = request.pointInTimeRecoverySpecification();
        if (spec == null || spec.pointInTimeRecoveryEnabled() == null) {
            throw DynamoException.validation("1 validation error detected: Value null at "
                    + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (spec.pointInTimeRecoveryEnabled()) {
            throw DynamoException.validation("Point-in-time recovery is not supported by the Shardline engine: it "
                    + "keeps no backups. Its change stream keeps the last 24 hours of changes");
        }
        return DISABLED;
    }

    private void requireTable(String name) {
        TableOperations.checkName(name, "tableName");
        try {
            catalog.require(name);
        } catch (DynamoException e) {
            throw new DynamoException(ErrorType.TABLE_NOT_FOUND, "Table not found: " + name);
        }
    }
}
