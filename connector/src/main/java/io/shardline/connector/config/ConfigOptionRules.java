package io.shardline.connector.config;

import java.time.Duration;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;

/**
 * Checks of option values that builders run at build time, so that a bad value fails the job's
 * construction with a message naming the option and the value, not a task manager later.
 */
@Internal
public final class ConfigOptionRules {
    private ConfigOptionRules() {}

    /** The option's value, which must be a positive duration. */
    public static Duration positive(Configuration options, ConfigOption<Duration> option) {
        Duration value = options.get(option);
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option.key() + " must be a positive duration, not " + value);
        }
        return value;
    }

    /** The option's value, which must lie in [min, max]. */
    public static int inRange(Configuration options, ConfigOption<Integer> option, int min, int max) {
        Integer value = options.get(option);
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException(option.key() + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** The option's value in bytes, which must be at least {@code minBytes}. */
    public static long bytesAtLeast(Configuration options, ConfigOption<MemorySize> option, long minBytes) {
        MemorySize value = options.get(option);
        if (value == null || value.getBytes() < minBytes) {
            throw new IllegalArgumentException(option.key() + " must be at least " + minBytes + " bytes, not " + value);
        }
        return value.getBytes();
    }

    /** A required text argument of a builder method, which must not be null or blank. */
    public static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    what + " must be a non-empty text, not " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
