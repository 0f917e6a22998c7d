package io.shardline.jobs.game;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a window's accumulator into its {@link WindowResult}, with the window's bounds and top players. */
public final class ToWindowResult extends ProcessWindowFunction<WindowAccumulator, WindowResult, String, TimeWindow> {
    private final int topN;

    public ToWindowResult(int topN) {
        this.topN = topN;
    }

    @Override
    public void process(
            String gameAction, Context context, Iterable<WindowAccumulator> accumulators, Collector<WindowResult> out) {
        for (WindowAccumulator accumulator : accumulators) {
            out.collect(WindowResult.of(
                    gameAction,
                    context.window().getStart(),
                    context.window().getEnd(),
                    accumulator.count,
                    accumulator.scoreSum,
                    accumulator.scoreByPlayer,
                    topN));
        }
    }
}
