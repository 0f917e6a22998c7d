package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.api.ItemPage;
import io.shardline.engine.api.Scan;
import io.shardline.engine.testing.Items;
import io.shardline.items.AttributeValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Regression tests over the wire for the hostile and careless requests the hostile-input review
 * found (issue #12): each gets a DynamoDB-shaped error in time, executes nothing, and the server
 * keeps serving.
 */
@Timeout(120)
class HostileInputITCase {
    private static final int ANSWER_MILLIS = 10_000;
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void open(ServerConfig config) {
        fixture = new ServerFixture(EngineConfig.inMemory(), config, Clock.systemUTC());
        fixture.engine.createTable(Items.table("Hostile", 1, "id:S"));
    }

    private RawHttp.Answer send(String target, String body) throws Exception {
        return RawHttp.send(fixture, RawHttp.post("DynamoDB_20120810." + target, body), ANSWER_MILLIS);
    }

    private void assertError(RawHttp.Answer answer, String type) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.errorType()).as(answer.text()).isEqualTo(type);
    }

    private void assertStillServing() throws Exception {
        RawHttp.Answer list = send("ListTables", "{}");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("\"Hostile\"");
    }

    private boolean stored(String id) {
        return fixture.engine
                        .getItem(GetItem.Request.of("Hostile", Map.of("id", new AttributeValue.S(id))))
                        .item()
                != null;
    }

    @Test
    void deeplyNestedAndOverlongExpressionsAreRefusedBeforeAnyRecursion() throws Exception {
        open(ServerConfig.loopback(0));
        String deepSize = "size(".repeat(10_000) + "a" + ")".repeat(10_000) + " > :v";
        assertError(
                send(
                        "PutItem",
                        "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"x\"}},\"ConditionExpression\":\""
                                + deepSize + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}"),
                "ValidationException");
        String nestedWithinLimit = "size(".repeat(600) + "a" + ")".repeat(600) + " > :v";
        assertThat(nestedWithinLimit.length()).isLessThan(4096);
        assertError(
                send(
                        "PutItem",
                        "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"x\"}},\"ConditionExpression\":\""
                                + nestedWithinLimit + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}"),
                "ValidationException");
        String manyTerms = String.join(" OR ", Collections.nCopies(10_000, "a = :v"));
        assertError(
                send(
                        "Scan",
                        "{\"TableName\":\"Hostile\",\"FilterExpression\":\"" + manyTerms
                                + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}"),
                "ValidationException");
        String manyTermsWithinLimit = String.join(" OR ", Collections.nCopies(400, "a=:v"));
        assertThat(manyTermsWithinLimit.length()).isLessThan(4096);
        RawHttp.Answer tooManyOperators = send(
                "Scan",
                "{\"TableName\":\"Hostile\",\"FilterExpression\":\"" + manyTermsWithinLimit
                        + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}");
        assertError(tooManyOperators, "ValidationException");
        assertThat(tooManyOperators.text()).contains("too many operators");
        String longUpdate = "SET " + String.join(", ", Collections.nCopies(10_000, "a = :v"));
        RawHttp.Answer overlong = send(
                "UpdateItem",
                "{\"TableName\":\"Hostile\",\"Key\":{\"id\":{\"S\":\"u\"}}," + "\"UpdateExpression\":\"" + longUpdate
                        + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}");
        assertError(overlong, "ValidationException");
        assertThat(overlong.text()).contains("maximum allowed size");
        assertThat(stored("x")).isFalse();
        assertThat(stored("u")).isFalse();
        String fine = String.join(" OR ", Collections.nCopies(250, "a=:v"));
        assertThat(send(
                                "Scan",
                                "{\"TableName\":\"Hostile\",\"FilterExpression\":\"" + fine
                                        + "\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}")
                        .status())
                .isEqualTo(200);
        assertStillServing();
    }

    @Test
    void attributeValuesNestedPastDynamoDbsLimitAreRefused() throws Exception {
        open(ServerConfig.loopback(0));
        assertError(
                send(
                        "PutItem",
                        "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"deep\"},\"d\":"
                                + "{\"M\":{\"m\":".repeat(33) + "{\"S\":\"x\"}" + "}}".repeat(33) + "}}"),
                "ValidationException");
        RawHttp.Answer veryDeep = send(
                "PutItem",
                "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"deep\"},\"d\":" + "{\"L\":[".repeat(20_000)
                        + "{\"S\":\"x\"}" + "]}".repeat(20_000) + "}}");
        assertThat(veryDeep.status()).isEqualTo(400);
        assertThat(veryDeep.errorType()).isIn("ValidationException", "SerializationException");
        assertThat(send(
                                "PutItem",
                                "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"ok\"},\"d\":"
                                        + "{\"M\":{\"m\":".repeat(31) + "{\"S\":\"x\"}" + "}}".repeat(31) + "}}")
                        .status())
                .isEqualTo(200);
        assertThat(stored("deep")).isFalse();
        assertThat(stored("ok")).isTrue();
    }

    @Test
    void onlyIteratorsTheServerIssuedAreAccepted() throws Exception {
        open(ServerConfig.loopback(0));
        fixture.engine.createTable(Items.tableWithStream("Streamed", 1, "KEYS_ONLY", "id:S"));
        try (DynamoDbClient client = fixture.client();
                DynamoDbStreamsClient streams = fixture.streamsClient()) {
            client.putItem(r -> r.tableName("Streamed")
                    .item(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"))));
            String arn =
                    client.describeTable(r -> r.tableName("Streamed")).table().latestStreamArn();
            String shard = streams.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String real = streams.getShardIterator(
                            r -> r.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            char last = real.charAt(real.length() - 1);
            List<String> forged = List.of(
                    Base64.getEncoder().encodeToString("null".getBytes(StandardCharsets.UTF_8)),
                    real + "A",
                    real + "AAAA",
                    real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A'),
                    "",
                    "!!!",
                    "A".repeat(2048));
            for (String iterator : forged) {
                RawHttp.Answer answer = RawHttp.send(
                        fixture,
                        RawHttp.post("DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":\"" + iterator + "\"}"),
                        ANSWER_MILLIS);
                assertThat(answer.status()).as(iterator).isEqualTo(400);
                assertThat(answer.errorType()).as(iterator).isEqualTo("ValidationException");
            }
            assertThat(streams.getRecords(r -> r.shardIterator(real)).records()).hasSize(1);
        }
    }

    @Test
    void bodiesUpToTheDocumentedLimitAreServedAndLargerOnesGetAnError() throws Exception {
        open(ServerConfig.loopback(0));
        StringBuilder batch = new StringBuilder("{\"RequestItems\":{\"Hostile\":[");
        String payload = "p".repeat(390_000);
        for (int i = 0; i < 25; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"big")
                    .append(i)
                    .append("\"},\"p\":{\"S\":\"")
                    .append(payload)
                    .append("\"}}}}");
        }
        batch.append("]}}");
        assertThat(batch.length()).isGreaterThan(9_500_000);
        RawHttp.Answer written = send("BatchWriteItem", batch.toString());
        assertThat(written.status()).as(written.text()).isEqualTo(200);
        assertThat(stored("big24")).isTrue();

        byte[] overLimit = new byte[ServerConfig.DEFAULT_MAX_BODY_BYTES + 1];
        Arrays.fill(overLimit, (byte) ' ');
        RawHttp.Answer declared =
                RawHttp.send(fixture, RawHttp.post("DynamoDB_20120810.ListTables", overLimit), ANSWER_MILLIS);
        assertError(declared, "ValidationException");
        assertThat(declared.text()).contains("exceeds the limit of " + ServerConfig.DEFAULT_MAX_BODY_BYTES);
        try (Socket socket = new Socket("127.0.0.1", fixture.server.address().getPort())) {
            socket.setSoTimeout(ANSWER_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                            + "Authorization: " + RawHttp.SIGNATURE + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            try {
                for (int i = 0; i < 18; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before the whole body was sent
            }
            RawHttp.Answer chunked = RawHttp.read(socket.getInputStream());
            assertError(chunked, "ValidationException");
            assertThat(chunked.text()).contains("exceeds the limit");
        }
        assertStillServing();
    }

    @Test
    void malformedHttpGetsDynamoDbShapedErrors() throws Exception {
        open(ServerConfig.loopback(0));
        String noHost = "POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nAuthorization: "
                + RawHttp.SIGNATURE + "\r\nContent-Length: 2\r\n\r\n{}";
        RawHttp.Answer withoutHost = RawHttp.send(fixture, noHost.getBytes(StandardCharsets.US_ASCII), ANSWER_MILLIS);
        assertThat(withoutHost.status())
                .as("Undertow refuses HTTP/1.1 without Host before any handler runs")
                .isEqualTo(400);
        assertThat(withoutHost.headers()).containsIgnoringCase("Connection: close");
        String noLength =
                "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n" + "Authorization: "
                        + RawHttp.SIGNATURE + "\r\n\r\n{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"nl\"}}}";
        assertError(
                RawHttp.send(fixture, noLength.getBytes(StandardCharsets.US_ASCII), ANSWER_MILLIS),
                "SerializationException");
        String gzip = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                + "Authorization: " + RawHttp.SIGNATURE + "\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}";
        assertError(
                RawHttp.send(fixture, gzip.getBytes(StandardCharsets.US_ASCII), ANSWER_MILLIS),
                "SerializationException");
        assertThat(stored("nl")).isFalse();
        assertStillServing();
    }

    @Test
    void membersOfTheWrongTypeAreRefusedNotConverted() throws Exception {
        open(ServerConfig.loopback(0));
        for (String body : List.of(
                "{\"TableName\":\"Hostile\",\"Key\":{\"id\":{\"S\":\"a\"}},\"ConsistentRead\":\"\"}",
                "{\"TableName\":\"Hostile\",\"Key\":{\"id\":{\"S\":\"a\"}},\"ConsistentRead\":1}",
                "{\"TableName\":\"Hostile\",\"Key\":{\"id\":{\"S\":\"a\"}},\"ConsistentRead\":\"true\"}",
                "{\"TableName\":\"Hostile\",\"Key\":{\"id\":{\"S\":\"a\"}},\"ReturnConsumedCapacity\":0}",
                "{\"TableName\":5,\"Key\":{\"id\":{\"S\":\"a\"}}}",
                "{\"TableName\":\"Hostile\",\"Key\":{\"id\":{\"S\":\"a\"}},\"ProjectionExpression\":\"#n\","
                        + "\"ExpressionAttributeNames\":{\"#n\":true}}")) {
            assertError(send("GetItem", body), "SerializationException");
        }
        assertError(send("Scan", "{\"TableName\":\"Hostile\",\"Limit\":\"10\"}"), "SerializationException");
        assertError(send("Scan", "{\"TableName\":\"Hostile\",\"Limit\":1.5}"), "SerializationException");
        assertThat(send("Scan", "{\"TableName\":\"Hostile\",\"Limit\":10}").status())
                .isEqualTo(200);
        for (String number : List.of(" 1", "1 ", "1\\n", "0x10", "1e", "")) {
            RawHttp.Answer answer = send(
                    "PutItem",
                    "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"n\"}," + "\"v\":{\"N\":\"" + number
                            + "\"}}}");
            assertError(answer, "ValidationException");
        }
        assertThat(stored("n")).isFalse();
    }

    @Test
    void invalidUtf8IsRefusedNeverRepaired() throws Exception {
        open(ServerConfig.loopback(0));
        byte[] prefix = "{\"TableName\":\"Hostile\",\"Item\":{\"id\":{\"S\":\"a".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}}}".getBytes(StandardCharsets.US_ASCII);
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xFF})) {
            byte[] body = RawHttp.concat(RawHttp.concat(prefix, bad), suffix);
            assertError(
                    RawHttp.send(fixture, RawHttp.post("DynamoDB_20120810.PutItem", body), ANSWER_MILLIS),
                    "SerializationException");
        }
        ItemPage all = fixture.engine.scan(Scan.Request.of("Hostile"));
        assertThat(all.count())
                .as("nothing stored, so no two byte strings became one key")
                .isZero();
        byte[] good = RawHttp.concat(RawHttp.concat(prefix, "\u00e9/".getBytes(StandardCharsets.UTF_8)), suffix);
        assertThat(RawHttp.send(fixture, RawHttp.post("DynamoDB_20120810.PutItem", good), ANSWER_MILLIS)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void connectionsThatTrickleAreAnsweredAndClosedWhileOthersAreServed() throws Exception {
        open(ServerConfig.loopback(0).withRequestTimeoutMillis(1_000));
        try (Socket headers = new Socket("127.0.0.1", fixture.server.address().getPort());
                Socket body = new Socket("127.0.0.1", fixture.server.address().getPort())) {
            headers.setSoTimeout(ANSWER_MILLIS);
            body.setSoTimeout(ANSWER_MILLIS);
            headers.getOutputStream().write("POST / HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
            body.getOutputStream()
                    .write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: "
                                    + "DynamoDB_20120810.ListTables\r\nAuthorization: " + RawHttp.SIGNATURE
                                    + "\r\nContent-Length: 100000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            assertStillServing();
            RawHttp.Answer slowBody = trickleUntilAnswered(body);
            assertError(slowBody, "ValidationException");
            assertThat(slowBody.text()).contains("did not arrive within 1000 ms");
            InputStream in = headers.getInputStream();
            RawHttp.Answer slowHeaders = RawHttp.read(in);
            assertThat(slowHeaders.status())
                    .as("a request whose headers never end gets no answer but a close")
                    .isIn(0, 400, 408);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertStillServing();
    }

    /** Sends one more byte every 100 ms (never the whole declared body) until the server answers. */
    private static RawHttp.Answer trickleUntilAnswered(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (int i = 0; i < 98 && in.available() == 0; i++) {
            try {
                out.write(' ');
                out.flush();
            } catch (IOException e) {
                break;
            }
            Thread.sleep(100);
        }
        return RawHttp.read(in);
    }
}
