package io.shardline.engine.api;

import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsOfResource: the tags of a table, named by its ARN. */
public final class TagResource {
    private TagResource() {}

    /** TagResource: adds tags, replacing the value of a key the table already has. */
    public record Request(
            @Required String resourceArn, @Required List<Tag> tags) {}

    /** UntagResource: removes tags by key; a key the table lacks is ignored. */
    public record UntagRequest(
            @Required String resourceArn, @Required List<String> tagKeys) {}

    public record ListRequest(@Required String resourceArn, String nextToken) {}

    public record ListResponse(List<Tag> tags, String nextToken) {}

    /** The empty answer of TagResource and UntagResource. */
    public static final Map<String, Object> DONE = Map.of();
}
