package io.shardline.engine.api;

/**
 * A table tag. Tags whose key starts with {@code shardline:} configure the engine for one table; see
 * {@code docs/engine.md}.
 */
public record Tag(@Required String key, @Required String value) {}
