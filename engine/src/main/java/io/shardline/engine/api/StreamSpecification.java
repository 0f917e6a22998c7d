package io.shardline.engine.api;

/** Whether a table has a stream, and what its change records carry: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES. */
public record StreamSpecification(@Required Boolean streamEnabled, String streamViewType) {}
