package io.shardline.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.connector.source.ShardlineSource;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the connector says how stable it is, as Flink's own connectors do:
 * {@link PublicEvolving} for what users touch, {@link Internal} for the rest.
 */
class ApiStabilityTest {

    @Test
    void everyPublicTypeIsPublicEvolvingOrInternal() throws Exception {
        Path classes = Path.of(ShardlineSource.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes.resolve("io/shardline/connector"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                            && !f.getFileName().toString().contains("$"))
                    .toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    checked++;
                    boolean marked =
                            type.isAnnotationPresent(PublicEvolving.class) || type.isAnnotationPresent(Internal.class);
                    if (!marked) {
                        unmarked.add(name);
                    }
                }
            }
        }
        assertTrue(checked > 10, "found the connector's public types: " + checked);
        assertEquals(List.of(), unmarked, "public types without @PublicEvolving or @Internal");
    }
}
