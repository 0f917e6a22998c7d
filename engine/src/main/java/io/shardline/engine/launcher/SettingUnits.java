package io.shardline.engine.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads sizes ({@code 64MB}, {@code 256KB}, {@code 1024}) and durations ({@code 10m}, {@code 5s}, {@code 100ms}) as users write them. */
final class SettingUnits {
    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]*)\\s*(B|KB|MB|GB|TB)?");
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]*)\\s*(ms|s|m|h|d)");

    private SettingUnits() {}

    /** Reads a command-line size for picocli. */
    static final class Size implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return bytes(text, "it");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads a command-line duration for picocli. */
    static final class Age implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return duration(text, "it");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A size in bytes: a whole number with an optional unit B, KB, MB, GB or TB (powers of 1024). */
    static long bytes(String text, String option) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    option + " is a size such as 64MB, 256KB or 1048576, not '" + text + "'");
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> 0;
        };
        long count = parse(m.group(1), text, option);
        if (count > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException(option + " is too large: '" + text + "'");
        }
        return count << shift;
    }

    /** A positive duration: a whole number with a unit ms, s, m, h or d. */
    static Duration duration(String text, String option) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    option + " is a duration such as 24h, 10m, 5s or 100ms, not '" + text + "'");
        }
        long count = parse(m.group(1), text, option);
        try {
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(count);
                case "s" -> Duration.ofSeconds(count);
                case "m" -> Duration.ofMinutes(count);
                case "h" -> Duration.ofHours(count);
                default -> Duration.ofDays(count);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(option + " is too long: '" + text + "'");
        }
    }

    private static long parse(String digits, String text, String option) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " is too large: '" + text + "'");
        }
    }
}
