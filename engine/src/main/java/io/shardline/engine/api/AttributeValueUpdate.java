package io.shardline.engine.api;

import io.shardline.items.AttributeValue;

/** A legacy UpdateItem change of one attribute: Action PUT (default), ADD or DELETE. */
public record AttributeValueUpdate(AttributeValue value, String action) {}
