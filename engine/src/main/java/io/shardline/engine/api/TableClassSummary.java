package io.shardline.engine.api;

import java.math.BigDecimal;

/** A table's class and when it was last set, in epoch seconds. */
public record TableClassSummary(String tableClass, BigDecimal lastUpdateDateTime) {}
