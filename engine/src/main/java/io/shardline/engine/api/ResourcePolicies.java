package io.shardline.engine.api;

/** PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy: one policy document per table, revised. */
public final class ResourcePolicies {
    private ResourcePolicies() {}

    public record PutRequest(
            @Required String resourceArn,
            @Required String policy,
            String expectedRevisionId,
            Boolean confirmRemoveSelfResourceAccess) {}

    public record GetRequest(@Required String resourceArn) {}

    public record DeleteRequest(@Required String resourceArn, String expectedRevisionId) {}

    /** A policy and its revision; Put and Delete answer with the revision only. */
    public record Response(String policy, String revisionId) {}
}
