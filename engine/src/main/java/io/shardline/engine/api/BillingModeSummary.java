package io.shardline.engine.api;

/** The billing mode a table was created or updated with. */
public record BillingModeSummary(String billingMode) {}
