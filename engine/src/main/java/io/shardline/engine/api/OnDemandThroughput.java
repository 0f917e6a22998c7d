package io.shardline.engine.api;

/** The most request units per second an on-demand table may use; -1 for no limit. */
public record OnDemandThroughput(Long maxReadRequestUnits, Long maxWriteRequestUnits) {}
