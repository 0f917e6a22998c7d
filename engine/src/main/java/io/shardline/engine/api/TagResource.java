package io.shardline.engine.api;

import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsOfResource: the tags of a table, named by its ARN. */
public final class TagResource {
    private TagResource() {
    }

    /** TagResource: adds tags, replacing the value of a key the table already has. */
    public record Request(String resourceArn, List<Tag> tags) {
    }

    /** UntagResource: removes tags by key; a key the table lacks is ignored. */
    public record UntagRequest(String resourceArn, List<String> tagKeys) {
    }

    public record ListRequest(String resourceArn, String nextToken) {
    }

    public record ListResponse(List<Tag> tags, String nextToken) {
    }

    /** The empty answer of TagResource and UntagResource. */
    public static final Map<String, Object> DONE = Map.of();
}
