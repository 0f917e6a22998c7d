package io.shardline.engine.api;

/**
 * DescribeContinuousBackups and UpdateContinuousBackups. The engine keeps no backups, so both
 * continuous backups and point-in-time recovery are DISABLED, and only disabling is accepted.
 */
public final class ContinuousBackups {
    private ContinuousBackups() {
    }

    public record DescribeRequest(String tableName) {
    }

    public record UpdateRequest(String tableName, PointInTimeRecoverySpecification pointInTimeRecoverySpecification) {
    }

    public record PointInTimeRecoverySpecification(Boolean pointInTimeRecoveryEnabled, Integer recoveryPeriodInDays) {
    }

    public record Response(Description continuousBackupsDescription) {
    }

    public record Description(String continuousBackupsStatus, PointInTimeRecovery pointInTimeRecoveryDescription) {
    }

    public record PointInTimeRecovery(String pointInTimeRecoveryStatus) {
    }
}
