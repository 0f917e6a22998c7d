package io.shardline.engine.api;

/** The read and write units per second a table is asked to be ready for at once. */
public record WarmThroughput(Long readUnitsPerSecond, Long writeUnitsPerSecond) {}
