package io.shardline.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.testing.EngineServerResource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The self-contained SQL connector jar, used the way Flink's SQL client uses it: next to Flink, alone. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ShardlineSqlConnectorJarITCase {
    private static final Path JAR = Path.of("target", "shardline-connector-sql.jar");

    @TempDir
    Path dir;

    @Test
    void theJarCarriesItsAwsSdkRelocatedAndRegistersTheFactory() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream()
                    .map(entry -> entry.getName())
                    .toList();
            assertThat(names)
                    .contains(
                            "io/shardline/shaded/software/amazon/awssdk/services/dynamodb/" + "DynamoDbClient.class",
                            "io/shardline/connector/sql/ShardlineTableFactory.class");
            assertThat(names)
                    .noneMatch(name -> name.startsWith("software/amazon/")
                            || name.startsWith("io/netty/")
                            || name.startsWith("org/apache/http/")
                            || name.startsWith("com/fasterxml/"));
            String factories = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/org.apache.flink.table.factories.Factory"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(factories).contains(ShardlineTableFactory.class.getName());
        }
    }

    @Test
    void aQueryRunsWithOnlyFlinkAndTheJarOnTheClassPath() throws Exception {
        EngineServerResource server = new EngineServerResource();
        server.startUp();
        try (DynamoDbClient client = server.client()) {
            client.createTable(r -> r.tableName("Probe")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            for (int i = 0; i < 5; i++) {
                int n = i;
                client.putItem(r -> r.tableName("Probe")
                        .item(Map.of(
                                "id",
                                AttributeValue.fromS("k" + n),
                                "n",
                                AttributeValue.fromN(Integer.toString(n * 10)))));
            }
            List<String> classPath = new ArrayList<>();
            classPath.add(JAR.toAbsolutePath().toString());
            classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                boolean inTheJar = entry.contains("/software/amazon/")
                        || entry.contains("/io/netty/")
                        || entry.contains("/org/apache/httpcomponents/")
                        || entry.contains("/org/reactivestreams/")
                        || entry.contains("/com/fasterxml/jackson/")
                        || entry.contains("/flink-connector-base/");
                boolean ours = entry.contains("/io/shardline/")
                        || entry.endsWith("target/classes")
                        || entry.endsWith("target/test-classes")
                        || entry.contains("/org/opensearch/");
                if (!inTheJar && !ours) {
                    classPath.add(entry);
                }
            }
            Path output = dir.resolve("probe.out");
            Process probe = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-cp",
                            String.join(File.pathSeparator, classPath),
                            SqlConnectorJarProbe.class.getName(),
                            server.endpoint(),
                            "Probe")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean ended = probe.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                probe.destroyForcibly();
            }
            String printed = Files.readString(output);
            assertThat(ended).as(printed).isTrue();
            assertThat(probe.exitValue()).as(printed).isZero();
            assertThat(printed.lines().filter(line -> line.startsWith("ROW ")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(
                            "ROW +I[k0, 0]", "ROW +I[k1, 10]", "ROW +I[k2, 20]", "ROW +I[k3, 30]", "ROW +I[k4, 40]");
        } finally {
            server.tearDown();
        }
    }
}
