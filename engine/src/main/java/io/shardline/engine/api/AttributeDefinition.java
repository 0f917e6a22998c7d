package io.shardline.engine.api;

/** The name and scalar type (S, N or B) of a key attribute. */
public record AttributeDefinition(
        @Required String attributeName, @Required String attributeType) {}
