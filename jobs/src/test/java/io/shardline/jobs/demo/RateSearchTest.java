package io.shardline.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RateSearchTest {
    private static List<Integer> tried(RateSearch search, IntPredicate keepsUp) {
        List<Integer> rates = new ArrayList<>();
        while (search.rate() > 0) {
            rates.add(search.rate());
            search.record(keepsUp.test(search.rate()));
        }
        return rates;
    }

    @Test
    void doublesWhileTheJobKeepsUpThenNarrowsTheGapThreeTimes() {
        RateSearch search = new RateSearch(1000, 3);
        assertThat(tried(search, rate -> rate <= 7300)).containsExactly(1000, 2000, 4000, 8000, 6000, 7000, 7500);
        assertThat(search.best()).isEqualTo(7000);
    }

    @Test
    void aFirstRateTooHighIsNarrowedFromZeroAndAJobThatKeepsUpWithNothingHasNoBest() {
        RateSearch search = new RateSearch(1000, 3);
        assertThat(tried(search, rate -> rate <= 300)).containsExactly(1000, 500, 200, 300);
        assertThat(search.best()).isEqualTo(300);
        RateSearch none = new RateSearch(100, 3);
        assertThat(tried(none, rate -> false)).containsExactly(100);
        assertThat(none.best()).isZero();
        assertThatThrownBy(() -> new RateSearch(50, 3)).hasMessageContaining("100 events/s or more, not 50");
    }

    @Test
    void aRateIsKeptUpWithWhenNearlyAllOfItIsWrittenAndTheLagIsKnownAndWithinTheBound() {
        Duration lag = Duration.ofSeconds(3);
        assertThat(RateProbe.keptUp(5000, 4990, 15_000, lag)).isTrue();
        assertThat(RateProbe.keptUp(5000, 4990, 15_001, lag))
                .as("more than 3 s of events behind")
                .isFalse();
        assertThat(RateProbe.keptUp(5000, 4700, 10, lag))
                .as("the generator wrote under 95%")
                .isFalse();
        assertThat(RateProbe.keptUp(5000, 5000, -1, lag))
                .as("the job's progress is unknown")
                .isFalse();
    }
}
