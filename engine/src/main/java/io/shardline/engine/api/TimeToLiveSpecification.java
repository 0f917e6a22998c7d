package io.shardline.engine.api;

/** Turns TTL on or off for a table, naming the attribute that holds each item's expiry in epoch seconds. */
public record TimeToLiveSpecification(
        @Required Boolean enabled, @Required String attributeName) {}
