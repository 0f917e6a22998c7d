package io.shardline.engine.api;

/**
 * DescribeContinuousBackups and UpdateContinuousBackups. The engine keeps no backups, so both
 * continuous backups and point-in-time recovery are DISABLED, and only disabling is accepted.
 */
public final class ContinuousBackups {
    private ContinuousBackups() {}

    public record DescribeRequest(@Required String tableName) {}

    public record UpdateRequest(
            @Required String tableName, @Required PointInTimeRecoverySpecification pointInTimeRecoverySpecification) {}

    public record PointInTimeRecoverySpecification(
            @Required Boolean pointInTimeRecoveryEnabled, Integer recoveryPeriodInDays) {}

    public record Response(Description continuousBackupsDescription) {}

    public record Description(String continuousBackupsStatus, PointInTimeRecovery pointInTimeRecoveryDescription) {}

    public record PointInTimeRecovery(String pointInTimeRecoveryStatus) {}
}
