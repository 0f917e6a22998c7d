package io.shardline.engine.api;

import java.util.List;

/**
 * Which attributes a secondary index copies from the table ({@code Projection} on the wire): ALL,
 * KEYS_ONLY (the table's and the index's keys), or INCLUDE (the keys and {@code nonKeyAttributes}).
 */
public record IndexProjection(String projectionType, List<String> nonKeyAttributes) {}
