package io.shardline.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.sink.ShardlineTableSinkOptions;
import io.shardline.connector.source.ShardlineSourceOptions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.junit.jupiter.api.Test;

/**
 * A setting of the source or the sink means the same in the DataStream API and in SQL, and
 * docs/sql.md shows what the declarations say: the same defaults, the same descriptions.
 */
class SettingsDeclaredOnceTest {
    /** The one SQL option that covers two DataStream options (the source's and the sink's retries). */
    private static final String RETRY_ATTEMPTS = "retry.max-attempts";

    @Test
    void everySqlTwinOfASourceOrSinkOptionHasItsDefaultAndDescription() {
        Map<String, ConfigOption<?>> dataStream = new HashMap<>();
        options(ShardlineSourceOptions.class).forEach(o -> dataStream.put(o.key(), o));
        options(ShardlineTableSinkOptions.class).forEach(o -> dataStream.put(o.key(), o));
        int twins = 0;
        for (ConfigOption<?> sql : options(ShardlineSqlOptions.class)) {
            List<ConfigOption<?>> matching = new ArrayList<>();
            String key = sql.key();
            if (key.startsWith("scan.")) {
                addIfPresent(matching, dataStream, "shardline.source." + key.substring("scan.".length()));
            } else if (key.startsWith("sink.")) {
                addIfPresent(matching, dataStream, "shardline.sink." + key.substring("sink.".length()));
            } else if (key.startsWith("retry.")) {
                addIfPresent(matching, dataStream, "shardline.source." + key);
                addIfPresent(matching, dataStream, "shardline.sink." + key);
            }
            for (ConfigOption<?> twin : matching) {
                twins++;
                assertThat(sql.defaultValue())
                        .as("the default of %s and %s", key, twin.key())
                        .isEqualTo(twin.defaultValue());
                if (!key.equals(RETRY_ATTEMPTS)
                        && twin.key().startsWith(key.startsWith("sink.") ? "shardline.sink." : "shardline.source.")) {
                    assertThat(text(sql))
                            .as("the description of %s and %s", key, twin.key())
                            .isEqualTo(text(twin));
                }
            }
        }
        assertThat(twins).as("SQL options with a DataStream twin").isGreaterThanOrEqualTo(10);
    }

    @Test
    void docsSqlTableShowsEveryOptionsDefaultAndDescription() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("../docs/sql.md"));
        List<String> missing = new ArrayList<>();
        for (ConfigOption<?> option : options(ShardlineSqlOptions.class)) {
            String row = "| `" + option.key() + "` |"
                    + (option.hasDefaultValue() ? " " + shown(option.defaultValue()) + " " : " ") + "| " + text(option)
                    + " |";
            if (!documented.contains(row)) {
                missing.add(row);
            }
        }
        assertThat(missing)
                .as("rows of docs/sql.md's option table, as the declarations say")
                .isEmpty();
    }

    private static String shown(Object value) {
        if (value instanceof Duration duration) {
            return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
        }
        return String.valueOf(value);
    }

    private static String text(ConfigOption<?> option) {
        return new HtmlFormatter().format(option.description());
    }

    private static void addIfPresent(List<ConfigOption<?>> matching, Map<String, ConfigOption<?>> options, String key) {
        if (options.containsKey(key)) {
            matching.add(options.get(key));
        }
    }

    private static List<ConfigOption<?>> options(Class<?> holder) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }
}
