package io.shardline.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every job's help says an option defaults to is the value it runs with: a default written in a
 * description (durations and sizes are written as users type them, not as {@code PT10S}) is read
 * back with the option's own converter and compared with the option's declared default, or the
 * value its field starts with.
 */
class CommandLineDefaultsTest {
    /**
     * A stated default that is a value (one word); "(default: the table's)" and "(default:
     * ./shardline-state/&lt;command&gt;-&lt;table&gt;)" describe one instead.
     */
    private static final Pattern STATED = Pattern.compile("\\(default: ([^ )<]+)\\)");

    @Test
    void everyDefaultAJobsHelpStatesIsTheDefaultItRunsWith() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> drifted = new ArrayList<>();
        for (CommandLine command :
                new CommandLine(JobsLauncher.class).getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Matcher stated = STATED.matcher(String.join(" ", option.description()));
                if (!stated.find() || stated.group(1).startsWith("$")) {
                    continue;
                }
                String name = command.getCommandName() + " " + option.longestName();
                checked.add(name);
                Object statedValue = value(option, stated.group(1));
                Object actual =
                        option.defaultValue() != null ? value(option, option.defaultValue()) : option.initialValue();
                if (!Objects.equals(statedValue, actual)) {
                    drifted.add(name + ": help says " + stated.group(1) + ", runs with " + actual);
                }
            }
        }
        assertThat(checked).as("options whose help states a default").hasSizeGreaterThanOrEqualTo(15);
        assertThat(drifted)
                .as("options whose help states another default than they run with")
                .isEmpty();
    }

    /** {@code text} as the option reads it from a command line. */
    private static Object value(OptionSpec option, String text) throws Exception {
        if (option.converters().length > 0) {
            return option.converters()[0].convert(text);
        }
        if (option.type().isEnum()) {
            for (Object constant : option.type().getEnumConstants()) {
                if (constant.toString().equals(text)) {
                    return constant;
                }
            }
            return text;
        }
        if (option.type() == int.class || option.type() == Integer.class) {
            return Integer.valueOf(text);
        }
        if (option.type() == long.class || option.type() == Long.class) {
            return Long.valueOf(text);
        }
        if (option.type() == double.class || option.type() == Double.class) {
            return Double.valueOf(text);
        }
        return text;
    }
}
