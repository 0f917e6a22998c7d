package io.shardline.connector.docs;

import io.shardline.connector.sink.ShardlineTableSink;
import io.shardline.connector.sink.TableWrite;
import io.shardline.connector.source.ChangeRecordDeserializationSchema;
import io.shardline.connector.source.ShardlineSource;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The examples docs/connector.md quotes, compiled and built by {@link DocumentedExamplesTest}. */
final class ConnectorExamples {
    private ConnectorExamples() {
    }

    /** A player's score at a source sequence number, as the sink example writes it. */
    record Score(String player, long points, long sequence) {
        Map<String, AttributeValue> toItem() {
            return Map.of("player", AttributeValue.fromS(player), "points", AttributeValue.fromN(Long.toString(points)));
        }
    }

    static ShardlineSource<String> source(StreamExecutionEnvironment env) {
        // example: connector-source
        ShardlineSource<String> source = ShardlineSource.<String>builder()
                .tableNamePattern("Orders-.*")              // or .streamArn(arn), .tableName(t), .tableNames(list)
                .endpoint("http://127.0.0.1:8000")          // leave out for Amazon DynamoDB
                .credentials("local", "local")              // or .credentialsProvider(() -> anyProvider); default: SDK chain
                .deserializer(ChangeRecordDeserializationSchema.dynamoDbJson())
                .build();
        env.fromSource(source, WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                .withIdleness(Duration.ofSeconds(1)), "changes");
        // end example
        return source;
    }

    static ShardlineTableSink<Score> sink(DataStream<Score> stream) {
        // example: connector-sink
        ShardlineTableSink<Score> sink = ShardlineTableSink.<Score>builder()
                .tableName("Scores").endpoint("http://127.0.0.1:8000").credentials("local", "local")
                .writes(score -> TableWrite.put(score.toItem(), score.sequence()))   // or TableWrite.delete(key, version)
                .build();
        stream.sinkTo(sink);
        // end example
        return sink;
    }
}
