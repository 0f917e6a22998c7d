package io.shardline.connector.testing;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;

/** Job configurations for tests that make a job fail and restart. */
public final class Restarts {
    private Restarts() {}

    /** Restarts a failed job up to {@code attempts} times, 200 ms apart. */
    public static Configuration fixedDelay(int attempts) {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return config;
    }
}
