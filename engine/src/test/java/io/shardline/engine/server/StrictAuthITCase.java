package io.shardline.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.EngineConfig;
import io.shardline.engine.api.GetItem;
import io.shardline.engine.testing.Items;
import io.shardline.items.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Strict SigV4 authentication as a table of forged and broken requests, each signed by the AWS
 * SDK's own signer and then altered: every one is refused with the error type AWS uses, and none
 * executes its PutItem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class StrictAuthITCase {
    private static final String TABLE = "Guarded";
    private ServerFixture fixture;

    @BeforeAll
    void start() {
        fixture = new ServerFixture(
                EngineConfig.inMemory().withRegion("eu-west-1"),
                ServerConfig.loopback(0).withCredentials(ServerFixture.credentials()),
                Clock.systemUTC());
        fixture.engine.createTable(Items.table(TABLE, 1, "id:S"));
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /** How one request is signed and then altered. */
    private record Case(
            String name,
            String expectedError,
            String accessKey,
            String secret,
            String region,
            String service,
            Duration clockOffset,
            UnaryOperator<String> alterHead,
            UnaryOperator<String> alterBody) {
        static Case of(String name, String expectedError) {
            return new Case(
                    name,
                    expectedError,
                    "AKIDTEST",
                    "secret",
                    "eu-west-1",
                    "dynamodb",
                    Duration.ZERO,
                    UnaryOperator.identity(),
                    UnaryOperator.identity());
        }

        Case key(String newKey, String newSecret) {
            return new Case(name, expectedError, newKey, newSecret, region, service, clockOffset, alterHead, alterBody);
        }

        Case scope(String newRegion, String newService) {
            return new Case(
                    name, expectedError, accessKey, secret, newRegion, newService, clockOffset, alterHead, alterBody);
        }

        Case signedAt(Duration offset) {
            return new Case(name, expectedError, accessKey, secret, region, service, offset, alterHead, alterBody);
        }

        Case head(UnaryOperator<String> change) {
            return new Case(name, expectedError, accessKey, secret, region, service, clockOffset, change, alterBody);
        }

        Case body(UnaryOperator<String> change) {
            return new Case(name, expectedError, accessKey, secret, region, service, clockOffset, alterHead, change);
        }
    }

    private static String putBody(String id) {
        return "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"id\":{\"S\":\"" + id + "\"}}}";
    }

    /** The request head and body as signed by the SDK's SigV4 signer, then altered as the case says. */
    private byte[] request(Case c, String id) {
        String body = putBody(id);
        SdkHttpRequest http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(fixture.endpoint())
                .putHeader("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .build();
        Clock signingClock = Clock.offset(Clock.systemUTC(), c.clockOffset());
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(c.accessKey(), c.secret()))
                        .request(http)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, c.service())
                        .putProperty(AwsV4HttpSigner.REGION_NAME, c.region())
                        .putProperty(HttpSigner.SIGNING_CLOCK, signingClock))
                .request();
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        signed.headers()
                .forEach((name, values) -> values.forEach(
                        v -> head.append(name).append(": ").append(v).append("\r\n")));
        String sentBody = c.alterBody().apply(body);
        String sentHead = c.alterHead().apply(head.toString()) + "Content-Length: "
                + sentBody.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        return (sentHead + sentBody).getBytes(StandardCharsets.UTF_8);
    }

    private boolean stored(String id) {
        return fixture.engine
                        .getItem(GetItem.Request.of(TABLE, Map.of("id", new AttributeValue.S(id))))
                        .item()
                != null;
    }

    @Test
    void everyForgedOrBrokenRequestIsRefusedWithAwsErrorTypeAndNothingExecutes() throws Exception {
        Case valid = Case.of("valid", null);
        List<Case> cases = List.of(
                Case.of("wrong secret", "InvalidSignatureException").key("AKIDTEST", "not-the-secret"),
                Case.of("unknown key", "UnrecognizedClientException").key("AKIDUNKNOWN", "secret"),
                Case.of("tampered body", "InvalidSignatureException")
                        .body(b -> b.replace("}}}", "},\"x\":{\"S\":\"y\"}}}")),
                Case.of("tampered signed header", "InvalidSignatureException")
                        .head(h -> h.replace("DynamoDB_20120810.PutItem", "DynamoDB_20120810.DeleteItem")),
                Case.of("stale date", "InvalidSignatureException").signedAt(Duration.ofMinutes(-20)),
                Case.of("future date", "InvalidSignatureException").signedAt(Duration.ofMinutes(20)),
                Case.of("wrong region", "InvalidSignatureException").scope("us-east-1", "dynamodb"),
                Case.of("wrong service", "InvalidSignatureException").scope("eu-west-1", "s3"),
                Case.of("missing Authorization", "MissingAuthenticationTokenException")
                        .head(h -> h.replaceAll("(?m)^Authorization: .*\r\n", "")),
                Case.of("malformed Authorization", "IncompleteSignatureException")
                        .head(h -> h.replaceAll(
                                "(?m)^Authorization: .*\r\n", "Authorization: AWS4-HMAC-SHA256 nonsense\r\n")),
                Case.of("scope date not the request date", "InvalidSignatureException")
                        .head(h -> h.replaceAll("Credential=AKIDTEST/\\d{8}/", "Credential=AKIDTEST/20200101/")));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            RawHttp.Answer answer = RawHttp.send(fixture, request(c, "forged-" + i), 10_000);
            assertThat(answer.status()).as(c.name() + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.errorType()).as(c.name() + ": " + answer.text()).isEqualTo(c.expectedError());
            assertThat(stored("forged-" + i)).as(c.name() + " executed nothing").isFalse();
        }
        RawHttp.Answer ok = RawHttp.send(fixture, request(valid, "genuine"), 10_000);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(stored("genuine")).isTrue();
    }
}
