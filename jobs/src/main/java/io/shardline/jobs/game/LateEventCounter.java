package io.shardline.jobs.game;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Counts the events too late for a window (metric {@code lateEvents}) on their way to the late-events table. */
public final class LateEventCounter extends RichMapFunction<GameEvent, GameEvent> {
    private transient Counter lateEvents;

    @Override
    public void open(OpenContext context) {
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public GameEvent map(GameEvent event) {
        lateEvents.inc();
        return event;
    }
}
