package io.shardline.engine.server;

import io.shardline.engine.model.DynamoException;
import io.shardline.engine.model.ErrorType;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Answers DynamoDB JSON 1.0 requests: POST / with an {@code X-Amz-Target} naming the operation.
 * Runs on the bounded worker pool; every failure becomes a DynamoDB-shaped error answer.
 */
final class DynamoHttpHandler implements HttpHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final HttpString TARGET = new HttpString("X-Amz-Target");
    private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final HttpString CRC32_HEADER = new HttpString("x-amz-crc32");

    private final Operations operations;
    private final RequestAuthenticator authenticator;
    private final int maxBodyBytes;

    DynamoHttpHandler(Operations operations, RequestAuthenticator authenticator, int maxBodyBytes) {
        this.operations = operations;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        if (exchange.getRequestMethod().equals(Methods.GET) && exchange.getRequestPath().equals("/")) {
            send(exchange, 200, "text/plain", "healthy: shardline".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Operations.Operation<?> operation = operations.forTarget(exchange.getRequestHeaders().getFirst(TARGET));
        boolean streams = operation != null && operation.streams();
        try {
            if (!exchange.getRequestMethod().equals(Methods.POST) || !exchange.getRequestPath().equals("/")) {
                throw new DynamoException(ErrorType.UNKNOWN_OPERATION, "Only POST / is served, not "
                        + exchange.getRequestMethod() + " " + exchange.getRequestPath());
            }
            if (operation == null) {
                throw new DynamoException(ErrorType.UNKNOWN_OPERATION, "Unknown operation: X-Amz-Target "
                        + exchange.getRequestHeaders().getFirst(TARGET));
            }
            byte[] body = readBody(exchange);
            authenticator.check(exchange.getRequestMethod().toString(), exchange.getRequestURI(),
                    exchange.getQueryString(), exchange.getRequestHeaders(), body);
            send(exchange, 200, CONTENT_TYPE, operation.invoke(body));
        } catch (DynamoException e) {
            send(exchange, e.type().clientFault() ? 400 : 500, CONTENT_TYPE, ErrorBody.of(e, streams));
        } catch (RuntimeException | IOException e) {
            DynamoException internal = new DynamoException(ErrorType.INTERNAL_SERVER_ERROR,
                    "Internal server error: " + e);
            send(exchange, 500, CONTENT_TYPE, ErrorBody.of(internal, streams));
        }
    }

    private byte[] readBody(HttpServerExchange exchange) throws IOException {
        long declared = exchange.getRequestContentLength();
        if (declared > maxBodyBytes) {
            exchange.setPersistent(false);
            throw tooLarge(declared);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = exchange.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                body.write(buffer, 0, read);
                if (body.size() > maxBodyBytes) {
                    exchange.setPersistent(false);
                    throw tooLarge(body.size());
                }
            }
        }
        return body.toByteArray();
    }

    private DynamoException tooLarge(long bytes) {
        return DynamoException.validation("Request body of " + bytes + " bytes or more exceeds the limit of "
                + maxBodyBytes + " bytes");
    }

    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, contentType)
                .put(REQUEST_ID, UUID.randomUUID().toString())
                .put(CRC32_HEADER, Long.toString(crc.getValue()));
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
