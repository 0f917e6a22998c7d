package io.shardline.jobs.game;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds a window's events into a {@link WindowAccumulator}. */
public final class GameActionAggregate implements AggregateFunction<GameEvent, WindowAccumulator, WindowAccumulator> {
    @Override
    public WindowAccumulator createAccumulator() {
        return new WindowAccumulator();
    }

    @Override
    public WindowAccumulator add(GameEvent event, WindowAccumulator accumulator) {
        accumulator.add(event);
        return accumulator;
    }

    @Override
    public WindowAccumulator getResult(WindowAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public WindowAccumulator merge(WindowAccumulator a, WindowAccumulator b) {
        return a.merge(b);
    }
}
