package io.shardline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.source.ShardlineSourceOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StreamPollingTest {
    @Test
    void theIdlePollIntervalDefaultsToTheSourcesAndTakesADurationOrRefusesNamingTheValue() {
        StreamPolling defaults = new StreamPolling();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.idlePollInterval)
                .isEqualTo(ShardlineSourceOptions.IDLE_POLL_INTERVAL.defaultValue())
                .isEqualTo(Duration.ofMillis(200));
        StreamPolling slower = new StreamPolling();
        new CommandLine(slower).parseArgs("--idle-poll-interval", "450ms");
        assertThat(slower.idlePollInterval).isEqualTo(Duration.ofMillis(450));
        assertThatThrownBy(() -> new CommandLine(new StreamPolling()).parseArgs("--idle-poll-interval", "often"))
                .hasMessageContaining("'often' is not a duration");
    }

    @Test
    void theHelpShowsTheSourcesDefault() {
        assertThat(new CommandLine(new StreamPolling()).getUsageMessage().replaceAll("\\s+", " "))
                .contains("(default: "
                        + ShardlineSourceOptions.IDLE_POLL_INTERVAL
                                .defaultValue()
                                .toMillis() + "ms)");
    }
}
