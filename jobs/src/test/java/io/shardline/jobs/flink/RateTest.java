package io.shardline.jobs.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateTest {
    @Test
    void aCounterStartedAgainFromZeroCountsFromZeroAndNeverGoesNegative() {
        Rate rate = new Rate(0);
        assertThat(rate.perSecond(500, 1000)).isEqualTo(500.0);
        assertThat(rate.perSecond(1500, 2000)).isEqualTo(1000.0);
        assertThat(rate.perSecond(120, 4000)).as("the job restarted: 120 since").isEqualTo(60.0);
        assertThat(rate.perSecond(120, 5000)).isZero();
    }
}
