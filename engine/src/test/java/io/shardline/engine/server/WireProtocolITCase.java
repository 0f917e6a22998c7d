package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.control.EngineControl;
import io.shardline.engine.testing.Await;
import io.shardline.engine.testing.Items;
import io.shardline.engine.testing.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The HTTP layer itself: targets, headers, error shapes, limits, keep-alive and authentication. */
@Timeout(120)
class WireProtocolITCase {
    private static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private HttpResponse<String> post(String target, String body, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (signed) {
            request.header("Authorization", SIGNATURE);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String errorType(HttpResponse<String> response) throws Exception {
        JsonNode body = json.readTree(response.body());
        assertNotNull(body.get("message"), response.body());
        return body.get("__type").asText();
    }

    @Test
    void theDateHeaderIsTheServersClockAlsoAfterAnotherServerInTheJvmClosed() throws Exception {
        MutableClock first = new MutableClock(Instant.parse("2026-11-25T10:00:00.250Z"));
        try (ServerFixture closedLater = new ServerFixture(EngineConfig.inMemory(), ServerConfig.loopback(0), first)) {
            assertEquals("Wed, 25 Nov 2026 10:00:00 GMT", date(closedLater));
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:34:56.900Z"));
        fixture = new ServerFixture(EngineConfig.inMemory(), ServerConfig.loopback(0), clock);
        assertEquals("Wed, 25 Nov 2026 12:34:56 GMT", date(fixture));
        clock.advance(Duration.ofMillis(200));
        assertEquals(
                "Wed, 25 Nov 2026 12:34:57 GMT", date(fixture), "the header follows the clock from second to second");
    }

    private String date(ServerFixture server) throws Exception {
        return http.send(HttpRequest.newBuilder(server.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Date")
                .orElseThrow();
    }

    @Test
    void answersCarryRequestIdAndCrc32() throws Exception {
        fixture = ServerFixture.open();
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}", true);
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/x-amz-json-1.0",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(
                response.headers().firstValue("x-amzn-RequestId").orElseThrow().matches("[A-Z0-9]{52}"));
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(
                Long.toString(crc.getValue()),
                response.headers().firstValue("x-amz-crc32").orElseThrow());
        assertEquals("{\"TableNames\":[]}", response.body());
    }

    @Test
    void errorsHaveDynamoDbShapesAndStatuses() throws Exception {
        fixture = ServerFixture.open();
        HttpResponse<String> unknown = post("DynamoDB_20120810.Explode", "{}", true);
        assertEquals(400, unknown.statusCode());
        assertEquals("com.amazon.coral.service#UnknownOperationException", errorType(unknown));
        assertEquals("com.amazon.coral.service#UnknownOperationException", errorType(post(null, "{}", true)));
        HttpResponse<String> unsigned = post("DynamoDB_20120810.ListTables", "{}", false);
        assertEquals(400, unsigned.statusCode());
        assertEquals("com.amazon.coral.service#MissingAuthenticationTokenException", errorType(unsigned));
        HttpResponse<String> badlySigned = http.send(
                HttpRequest.newBuilder(fixture.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Authorization", "AWS4-HMAC-SHA256 x")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badlySigned.statusCode());
        assertEquals("com.amazon.coral.service#IncompleteSignatureException", errorType(badlySigned));
        HttpResponse<String> malformed = post("DynamoDB_20120810.ListTables", "{\"Limit\":", true);
        assertEquals(400, malformed.statusCode());
        assertEquals("com.amazonaws.dynamodb.v20120810#SerializationException", errorType(malformed));
        HttpResponse<String> missing = post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"Nope\"}", true);
        assertEquals("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", errorType(missing));
        HttpResponse<String> streamError =
                post("DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":\"bogus\"}", true);
        assertEquals(400, streamError.statusCode());
        assertEquals("com.amazonaws.streams.dynamodb.v20120810#ValidationException", errorType(streamError));
        HttpResponse<String> unsupported =
                post("DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{},\"Flavour\":{}}", true);
        assertThat(json.readTree(unsupported.body()).get("message").asText()).contains("Flavour");
    }

    @Test
    void oversizedBodiesAndHeadersGetClearErrorsAndTheServerKeepsServing() throws Exception {
        fixture = new ServerFixture(
                EngineConfig.inMemory(), ServerConfig.loopback(0).withMaxBodyBytes(1024), Clock.systemUTC());
        HttpResponse<String> large = post("DynamoDB_20120810.ListTables", "{\"x\":\"" + "a".repeat(5000) + "\"}", true);
        assertEquals(400, large.statusCode());
        assertEquals("com.amazonaws.dynamodb.v20120810#ValidationException", errorType(large));
        assertThat(json.readTree(large.body()).get("message").asText()).contains("exceeds the limit of 1024 bytes");
        byte[] streamed = ("{\"x\":\"" + "a".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(fixture.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Authorization", SIGNATURE)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(streamed)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, chunked.statusCode(), "a body of no declared length is cut off at the limit too");
        assertThat(json.readTree(chunked.body()).get("message").asText()).contains("exceeds the limit of 1024 bytes");
        HttpResponse<String> hugeHeader = http.send(
                HttpRequest.newBuilder(fixture.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Authorization", SIGNATURE)
                        .header("X-Padding", "p".repeat(100_000))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                hugeHeader.statusCode() >= 400 && hugeHeader.statusCode() < 500, "status " + hugeHeader.statusCode());
        assertEquals(200, post("DynamoDB_20120810.ListTables", "{}", true).statusCode());
    }

    @Test
    void oneConnectionCarriesSeveralRequests() throws Exception {
        fixture = ServerFixture.open();
        try (Socket socket = new Socket("127.0.0.1", fixture.server.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                String request = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                        + "Authorization: " + SIGNATURE + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "Content-Length: 2\r\n\r\n{}";
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("HTTP/1.1 200 OK", in.readLine());
                int length = -1;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                char[] body = new char[length];
                assertEquals(length, in.read(body));
                assertEquals("{\"TableNames\":[]}", new String(body));
            }
        }
    }

    @Test
    void strictAuthVerifiesSignaturesAndExecutesNothingOtherwise() {
        fixture = new ServerFixture(
                EngineConfig.inMemory(),
                ServerConfig.loopback(0).withCredentials(ServerFixture.credentials()),
                Clock.systemUTC());
        fixture.engine.createTable(Items.table("Secure", 1, "id:S"));
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"));
        try (DynamoDbClient good = fixture.client()) {
            good.putItem(r -> r.tableName("Secure").item(item));
        }
        try (DynamoDbClient wrongSecret = fixture.client("AKIDTEST", "not-the-secret");
                DynamoDbClient unknownKey = fixture.client("AKIDOTHER", "secret")) {
            DynamoDbException badSignature = assertThrows(
                    DynamoDbException.class,
                    () -> wrongSecret.putItem(
                            r -> r.tableName("Secure").item(Map.of("id", AttributeValue.fromS("b")))));
            assertEquals(
                    "InvalidSignatureException", badSignature.awsErrorDetails().errorCode());
            assertEquals(400, badSignature.statusCode());
            DynamoDbException unknown = assertThrows(
                    DynamoDbException.class,
                    () -> unknownKey.putItem(r -> r.tableName("Secure").item(Map.of("id", AttributeValue.fromS("c")))));
            assertEquals(
                    "UnrecognizedClientException", unknown.awsErrorDetails().errorCode());
        }
        assertNotNull(fixture.engine
                .getItem(GetItem.Request.of("Secure", Map.of("id", new io.shardline.items.AttributeValue.S("a"))))
                .item());
        for (String id : new String[] {"b", "c"}) {
            assertNull(
                    fixture.engine
                            .getItem(GetItem.Request.of(
                                    "Secure", Map.of("id", new io.shardline.items.AttributeValue.S(id))))
                            .item(),
                    "nothing executed for " + id);
        }
    }

    @Test
    void strictAuthRefusesStaleSignaturesAndTheSdkSetsItsClockByTheServersDate() throws Exception {
        Clock hourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        fixture = new ServerFixture(
                EngineConfig.inMemory(),
                ServerConfig.loopback(0).withCredentials(ServerFixture.credentials()),
                hourAhead);
        HttpResponse<String> stale = http.send(
                HttpRequest.newBuilder(fixture.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Authorization", SIGNATURE)
                        .header(
                                "X-Amz-Date",
                                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                        .withZone(ZoneOffset.UTC)
                                        .format(Instant.now()))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, stale.statusCode());
        assertEquals("com.amazon.coral.service#InvalidSignatureException", errorType(stale));
        assertThat(stale.body()).contains("Signature expired");
        try (DynamoDbClient client = fixture.client()) {
            assertThat(client.listTables().tableNames())
                    .as("the SDK reads the server's Date from the refusal and "
                            + "signs again by it, as against Amazon")
                    .isEmpty();
        }
    }

    @Test
    void callsHeldByInjectedDelaysHoldNoThreadWhileEveryOtherConnectionIsAnswered() throws Exception {
        fixture = new ServerFixture(
                EngineConfig.inMemory(), ServerConfig.loopback(0).withRehearsal(true), Clock.systemUTC());
        fixture.engine.createTable(Items.table("Quick", 1, "id:S"));
        EngineControl control = new EngineControl(fixture.server.endpoint());
        int delayed = 20;
        control.injectDelay("*", Duration.ofSeconds(60), delayed);
        byte[] getItem =
                RawHttp.post("DynamoDB_20120810.GetItem", "{\"TableName\":\"Quick\",\"Key\":{\"id\":{\"S\":\"a\"}}}");
        byte[] putItem =
                RawHttp.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"Quick\",\"Item\":{\"id\":{\"S\":\"a\"}}}");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < delayed; i++) {
                Socket socket = new Socket("127.0.0.1", fixture.server.address().getPort());
                held.add(socket);
                socket.getOutputStream().write(i % 2 == 0 ? getItem : putItem);
            }
            Await.until(
                    Duration.ofSeconds(30),
                    () -> control.listFaults().path("Faults").isEmpty(),
                    "every held call to take its delay");
            for (int connection = 0; connection < 8; connection++) {
                RawHttp.Answer put = RawHttp.send(fixture, putItem, 10_000);
                assertEquals(200, put.status(), put.text());
                RawHttp.Answer get = RawHttp.send(fixture, getItem, 10_000);
                assertEquals(200, get.status(), get.text());
                assertEquals("{\"Item\":{\"id\":{\"S\":\"a\"}}}", get.text());
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
