package io.shardline.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged cluster jar (an integration test because it reads what the package phase built): none
 * of Flink but flink-parquet, which Flink's distribution lacks; the AWS SDK and Jackson inside, for
 * child-first class loading to keep apart from anything on a cluster's class path; the SQL factories
 * of every part listed in one merged service file.
 */
class ClusterJarContentsITCase {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theClusterJarCarriesItsLibrariesAndMergedServiceFilesButNoneOfFlinksDistribution() throws IOException {
        try (ZipFile jar = new ZipFile("target/shardline-jobs-flink.jar")) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names.stream().filter(name -> name.startsWith("org/apache/flink/") && name.endsWith(".class")))
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("org/apache/flink/formats/parquet/"));
            assertThat(names)
                    .contains(
                            "software/amazon/awssdk/services/dynamodb/DynamoDbClient.class",
                            "software/amazon/awssdk/services/sts/auth/StsAssumeRoleCredentialsProvider.class",
                            "com/fasterxml/jackson/databind/ObjectMapper.class",
                            "io/shardline/connector/source/ShardlineSource.class",
                            "io/shardline/items/expr/ExpressionParser.class",
                            "io/shardline/jobs/game/GameMetricsJob.class");
            assertThat(names)
                    .as("nothing of the engine, which only the demo runs, nor of the logging a cluster brings")
                    .noneMatch(name -> name.startsWith("io/shardline/engine/")
                            || name.startsWith("org/rocksdb/")
                            || name.startsWith("io/undertow/")
                            || name.startsWith("org/xnio/")
                            || name.startsWith("org/apache/logging/")
                            || name.startsWith("org/slf4j/"));
            String factories = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/org.apache.flink.table.factories.Factory"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(factories)
                    .contains(
                            "io.shardline.connector.sql.ShardlineTableFactory",
                            "org.apache.flink.formats.parquet.ParquetFileFormatFactory");
        }
    }
}
