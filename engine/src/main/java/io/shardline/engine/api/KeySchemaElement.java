package io.shardline.engine.api;

/** One key attribute and its role: HASH (partition key) or RANGE (sort key). */
public record KeySchemaElement(
        @Required String attributeName, @Required String keyType) {}
