package io.shardline.engine.table;

import io.shardline.engine.api.CreateTable;
import io.shardline.engine.api.OnDemandThroughput;
import io.shardline.engine.api.SseSpecification;
import io.shardline.engine.api.UpdateTable;
import io.shardline.engine.api.WarmThroughput;
import io.shardline.items.DynamoException;
import java.util.List;

/**
 * The table settings newer clients send, kept and described as given: deletion protection (enforced),
 * table class, on-demand and warm throughput, encryption and the resource policy (which one engine
 * does not act on; docs/engine.md says why).
 *
 * @param tableClassSetMillis when the table class was last set, or 0 when it never was
 * @param policyRevision      the resource policy's revision, or null when it has none
 */
public record TableSettings(
        boolean deletionProtectionEnabled,
        String tableClass,
        long tableClassSetMillis,
        OnDemandThroughput onDemandThroughput,
        WarmThroughput warmThroughput,
        SseSpecification sse,
        String resourcePolicy,
        String policyRevision) {
    public static final TableSettings DEFAULT = new TableSettings(false, null, 0, null, null, null, null, null);
    private static final List<String> TABLE_CLASSES = List.of("STANDARD_INFREQUENT_ACCESS", "STANDARD");
    private static final List<String> SSE_TYPES = List.of("AES256", "KMS");

    /** The settings a CreateTable asks for. */
    static TableSettings of(CreateTable.Request request, long now) {
        TableSettings settings = DEFAULT.with(
                request.deletionProtectionEnabled(),
                request.tableClass(),
                request.onDemandThroughput(),
                request.warmThroughput(),
                request.sseSpecification(),
                now);
        return request.resourcePolicy() == null ? settings : settings.withPolicy(request.resourcePolicy(), now);
    }

    /** Whether an UpdateTable changes any of these settings. */
    static boolean changedBy(UpdateTable.Request request) {
        return request.deletionProtectionEnabled() != null
                || request.tableClass() != null
                || request.onDemandThroughput() != null
                || request.warmThroughput() != null
                || request.sseSpecification() != null;
    }

    /** These settings with what an UpdateTable changes. */
    TableSettings updatedBy(UpdateTable.Request request, long now) {
        return with(
                request.deletionProtectionEnabled(),
                request.tableClass(),
                request.onDemandThroughput(),
                request.warmThroughput(),
                request.sseSpecification(),
                now);
    }

    /** These settings with a new resource policy, or none; the revision changes with every change. */
    TableSettings withPolicy(String policy, long now) {
        if (policy != null && (policy.isBlank() || policy.length() > 20 * 1024)) {
            throw DynamoException.validation(
                    "Invalid policy document: a resource policy is a JSON document of 1 " + "to 20480 characters");
        }
        return new TableSettings(
                deletionProtectionEnabled,
                tableClass,
                tableClassSetMillis,
                onDemandThroughput,
                warmThroughput,
                sse,
                policy,
                policy == null ? null : Long.toString(now));
    }

    private TableSettings with(
            Boolean protection,
            String newClass,
            OnDemandThroughput onDemand,
            WarmThroughput warm,
            SseSpecification newSse,
            long now) {
        if (newClass != null && !TABLE_CLASSES.contains(newClass)) {
            throw DynamoException.validation("1 validation error detected: Value '" + newClass + "' at 'tableClass' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: " + TABLE_CLASSES);
        }
        if (newSse != null && newSse.sseType() != null && !SSE_TYPES.contains(newSse.sseType())) {
            throw DynamoException.validation("1 validation error detected: Value '" + newSse.sseType() + "' at "
                    + "'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + SSE_TYPES);
        }
        if (newSse != null
                && !Boolean.TRUE.equals(newSse.enabled())
                && (newSse.sseType() != null || newSse.kmsMasterKeyId() != null)) {
            throw DynamoException.invalidParameter("SSEType and KMSMasterKeyId can only be given when SSE is enabled");
        }
        checkUnits(onDemand == null ? null : onDemand.maxReadRequestUnits(), "onDemandThroughput.maxReadRequestUnits");
        checkUnits(
                onDemand == null ? null : onDemand.maxWriteRequestUnits(), "onDemandThroughput.maxWriteRequestUnits");
        checkUnits(warm == null ? null : warm.readUnitsPerSecond(), "warmThroughput.readUnitsPerSecond");
        checkUnits(warm == null ? null : warm.writeUnitsPerSecond(), "warmThroughput.writeUnitsPerSecond");
        return new TableSettings(
                protection == null ? deletionProtectionEnabled : protection,
                newClass == null ? tableClass : newClass,
                newClass == null ? tableClassSetMillis : now,
                onDemand == null ? onDemandThroughput : onDemand,
                warm == null ? warmThroughput : warm,
                newSse == null ? sse : Boolean.TRUE.equals(newSse.enabled()) ? newSse : null,
                resourcePolicy,
                policyRevision);
    }

    private static void checkUnits(Long units, String member) {
        if (units != null && units < 1 && units != -1) {
            throw DynamoException.validation("1 validation error detected: Value '" + units + "' at '" + member
                    + "' failed to satisfy constraint: Member must be -1 (no limit) or at least 1");
        }
    }
}
