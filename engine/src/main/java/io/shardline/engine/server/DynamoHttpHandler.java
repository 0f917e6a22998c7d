package io.shardline.engine.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shardline.engine.api.DynamoJson;
import io.shardline.engine.control.ControlOperations;
import io.shardline.engine.control.FaultInjector;
import io.shardline.engine.control.ThroughputLimits;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Answers DynamoDB JSON 1.0 requests: POST / with an {@code X-Amz-Target} naming the operation.
 * The I/O thread reads the whole body without blocking, then answers a quick operation (a single-item
 * read) itself and hands any other to the bounded worker pool, which runs the operation and starts the
 * response: at most one hand-over per request. Every failure becomes a DynamoDB-shaped error answer.
 */
final class DynamoHttpHandler implements HttpHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final Logger LOG = LoggerFactory.getLogger(DynamoHttpHandler.class);
    /** Errors that say a request was not one the engine takes (logged, so that a client's gap shows). */
    private static final Set<ErrorType> REQUEST_SHAPE_ERRORS =
            Set.of(ErrorType.VALIDATION, ErrorType.SERIALIZATION, ErrorType.UNKNOWN_OPERATION);

    private static final HttpString TARGET = new HttpString("X-Amz-Target");
    private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final HttpString CRC32_HEADER = new HttpString("x-amz-crc32");
    private static final String REQUEST_ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Operations operations;
    /** Null when the server runs without rehearsal: then no request passes through it. */
    private final FaultInjector faults;
    /** Null when the server runs without rehearsal, as {@link #faults}. */
    private final ThroughputLimits limits;

    private final RequestAuthenticator authenticator;
    private final Set<String> adminKeys;
    private final int maxBodyBytes;
    private final int requestTimeoutMillis;
    private final ResponseDate date;

    DynamoHttpHandler(
            Operations operations,
            FaultInjector faults,
            ThroughputLimits limits,
            RequestAuthenticator authenticator,
            Set<String> adminKeys,
            int maxBodyBytes,
            int requestTimeoutMillis,
            ResponseDate date) {
        this.date = date;
        this.adminKeys = adminKeys;
        this.operations = operations;
        this.faults = faults;
        this.limits = limits;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.DATE, date.now());
        if (exchange.getRequestMethod().equals(Methods.GET)
                && exchange.getRequestPath().equals("/")) {
            send(exchange, 200, "text/plain", "healthy: shardline".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Operations.Operation operation =
                operations.forTarget(exchange.getRequestHeaders().getFirst(TARGET));
        boolean streams = operation != null && operation.streams();
        if (!exchange.getRequestMethod().equals(Methods.POST)
                || !exchange.getRequestPath().equals("/")) {
            fail(
                    exchange,
                    new DynamoException(
                            ErrorType.UNKNOWN_OPERATION,
                            "Only POST / is served, not " + exchange.getRequestMethod() + " "
                                    + exchange.getRequestPath()),
                    streams);
            return;
        }
        if (operation == null) {
            fail(
                    exchange,
                    new DynamoException(
                            ErrorType.UNKNOWN_OPERATION,
                            "Unknown operation: X-Amz-Target "
                                    + exchange.getRequestHeaders().getFirst(TARGET)),
                    streams);
            return;
        }
        if (operation.control()
                && !authenticator.strict()
                && !exchange.getSourceAddress().getAddress().isLoopbackAddress()) {
            fail(
                    exchange,
                    new DynamoException(
                            ErrorType.ACCESS_DENIED,
                            "The control API answers loopback addresses " + "only, not "
                                    + exchange.getSourceAddress().getAddress().getHostAddress()),
                    false);
            return;
        }
        DynamoException malformed = malformed(exchange);
        if (malformed != null) {
            exchange.setPersistent(false);
            fail(exchange, malformed, streams);
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > maxBodyBytes) {
            tooLarge(exchange, declared, streams);
            return;
        }
        AtomicBoolean received = new AtomicBoolean();
        XnioExecutor.Key deadline = exchange.getIoThread()
                .executeAfter(
                        () -> {
                            if (received.compareAndSet(false, true)) {
                                exchange.setPersistent(false);
                                fail(
                                        exchange,
                                        DynamoException.validation("The request body did not arrive within "
                                                + requestTimeoutMillis + " ms"),
                                        streams);
                            }
                        },
                        requestTimeoutMillis,
                        TimeUnit.MILLISECONDS);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize(maxBodyBytes);
        receiver.receiveFullBytes(
                (done, body) -> {
                    deadline.remove();
                    if (!received.compareAndSet(false, true)) {
                        return;
                    }
                    if (operation.quick()) {
                        answer(done, operation, body);
                    } else {
                        done.dispatch(() -> answer(done, operation, body));
                    }
                },
                (failed, error) -> {
                    deadline.remove();
                    if (!received.compareAndSet(false, true)) {
                        return;
                    }
                    failed.setPersistent(false);
                    if (error instanceof Receiver.RequestToLargeException || error instanceof RequestTooBigException) {
                        tooLarge(failed, maxBodyBytes + 1L, streams);
                    } else {
                        fail(
                                failed,
                                new DynamoException(
                                        ErrorType.SERIALIZATION, "Cannot read the request body: " + error.getMessage()),
                                streams);
                    }
                });
    }

    /**
     * What makes a request unreadable before its body is read: a body without Content-Length or
     * chunked encoding (its bytes would be taken for the next request), or a Content-Encoding the
     * server does not decode. Null when there is none.
     */
    private static DynamoException malformed(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getRequestHeaders();
        if (!headers.contains(Headers.CONTENT_LENGTH) && !headers.contains(Headers.TRANSFER_ENCODING)) {
            return new DynamoException(
                    ErrorType.SERIALIZATION,
                    "The request has neither Content-Length nor "
                            + "Transfer-Encoding: chunked, so its body cannot be read");
        }
        String encoding = headers.getFirst(Headers.CONTENT_ENCODING);
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            return new DynamoException(
                    ErrorType.SERIALIZATION,
                    "Content-Encoding " + encoding + " is not supported: " + "send the body uncompressed");
        }
        return null;
    }

    /**
     * Checks the signature (control calls carry one, by an admin key, in strict mode only; in open
     * mode they come from loopback unsigned), refuses the call when an emulated limit says so, then
     * answers it. Runs on a worker, or for a {@linkplain Operations.Operation#quick() quick} operation
     * on the connection's I/O thread. An injected delay holds no thread: a timer on the I/O thread
     * hands the call to a worker when the delay is over, and the call keeps its place under the
     * limits until then.
     */
    private void answer(HttpServerExchange exchange, Operations.Operation operation, byte[] body) {
        Runnable admitted;
        FaultInjector.Fault fault;
        try {
            if (!operation.control() || authenticator.strict()) {
                String accessKey = authenticator.check(
                        exchange.getRequestMethod().toString(),
                        exchange.getRequestURI(),
                        exchange.getQueryString(),
                        exchange.getRequestHeaders(),
                        body);
                if (operation.control() && !adminKeys.contains(accessKey)) {
                    throw new DynamoException(
                            ErrorType.ACCESS_DENIED,
                            "Access key " + accessKey + " is not an admin "
                                    + "key of this engine (--admin-keys): the control API answers admin keys only");
                }
            }
            int invalid = Utf8.firstInvalidByte(body);
            if (invalid >= 0) {
                throw new DynamoException(
                        ErrorType.SERIALIZATION, "The request body is not valid UTF-8 at byte " + invalid);
            }
            admitted = operation.control() || limits == null
                    ? ThroughputLimits.NOTHING
                    : limits.admit(operation.name(), body);
            fault = operation.control() || faults == null ? null : faults.next(operation.name());
        } catch (RuntimeException e) {
            fail(exchange, operation, e);
            return;
        }
        if (fault != null && fault.kind() == FaultInjector.Kind.DELAY) {
            Runnable onWorker = () -> exchange.getConnection()
                    .getWorker()
                    .execute(() -> respond(exchange, operation, body, null, admitted));
            exchange.dispatch(
                    SameThreadExecutor.INSTANCE,
                    () -> exchange.getIoThread().executeAfter(onWorker, fault.delayMillis(), TimeUnit.MILLISECONDS));
        } else {
            respond(exchange, operation, body, fault, admitted);
        }
    }

    /**
     * Answers an admitted call: with its injected error or dropped connection if one is due, else by
     * running the operation and starting to send its answer; then releases the call's place.
     */
    private void respond(
            HttpServerExchange exchange,
            Operations.Operation operation,
            byte[] body,
            FaultInjector.Fault fault,
            Runnable admitted) {
        try {
            if (fault != null && fault.kind() == FaultInjector.Kind.DROP_CONNECTION) {
                IoUtils.safeClose(exchange.getConnection());
                return;
            }
            if (fault != null) {
                throw ControlOperations.error(fault, operation.name());
            }
            Answer answer = operation.invoke(body);
            if (answer instanceof Answer.Streamed streamed) {
                stream(exchange, streamed.writer());
            } else {
                send(exchange, 200, CONTENT_TYPE, ((Answer.Complete) answer).body());
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail(exchange, operation, e);
        } finally {
            admitted.run();
        }
    }

    /** Answers a failed call: its DynamoDB error, or an internal error naming what went wrong. */
    private static void fail(HttpServerExchange exchange, Operations.Operation operation, Throwable error) {
        DynamoException answer;
        if (error instanceof DynamoException dynamo) {
            answer = dynamo;
        } else if (error instanceof StackOverflowError) {
            answer = DynamoException.validation("The request nests too deeply to be processed");
        } else {
            answer = new DynamoException(ErrorType.INTERNAL_SERVER_ERROR, "Internal server error: " + error);
        }
        fail(exchange, answer, operation.streams());
    }

    /** Refuses a body over the limit and closes the connection, whose unread rest cannot be skipped cheaply. */
    private void tooLarge(HttpServerExchange exchange, long bytes, boolean streams) {
        exchange.setPersistent(false);
        fail(
                exchange,
                DynamoException.validation(
                        "Request body of " + bytes + " bytes or more exceeds the limit of " + maxBodyBytes + " bytes"),
                streams);
    }

    private static void fail(HttpServerExchange exchange, DynamoException e, boolean streams) {
        if (REQUEST_SHAPE_ERRORS.contains(e.type())) {
            LOG.info(
                    "Refused {}: {}: {}",
                    exchange.getRequestHeaders().getFirst(TARGET),
                    e.type().wireName(),
                    e.getMessage());
        }
        send(exchange, e.type().clientFault() ? 400 : 500, CONTENT_TYPE, ErrorBody.of(e, streams));
    }

    /**
     * A request id shaped like DynamoDB's (52 characters of A-Z and digits) for matching answers to
     * requests: 260 random bits, five bits a character; unique in practice, and cheaper than a UUID,
     * which needs the shared SecureRandom.
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        long bits = 0;
        for (int i = 0; i < id.length; i++) {
            if (i % 12 == 0) {
                bits = random.nextLong();
            }
            id[i] = REQUEST_ID_CHARACTERS.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return new String(id);
    }

    /**
     * Writes a JSON answer to the connection as it is produced, in the server's pooled buffers. A
     * failure once bytes may have left closes the connection: the client sees a cut answer, never a
     * wrong one.
     */
    private static void stream(HttpServerExchange exchange, Answer.JsonWriter writer) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE).put(REQUEST_ID, requestId());
        exchange.startBlocking();
        try (OutputStream body = exchange.getOutputStream();
                JsonGenerator json = DynamoJson.mapper().getFactory().createGenerator(body)) {
            writer.writeTo(json);
        } catch (IOException | RuntimeException e) {
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    /**
     * Sends a complete answer from the connection's I/O thread. Finishing an exchange on a worker makes
     * Undertow hand the connection back to its I/O thread through a state the I/O thread spins on
     * while the worker holds it; on two busy cores that spin took a third of the server's CPU.
     */
    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, contentType)
                .put(REQUEST_ID, requestId())
                .put(CRC32_HEADER, Long.toString(crc.getValue()));
        if (exchange.isInIoThread()) {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        } else {
            exchange.getIoThread().execute(() -> exchange.getResponseSender().send(ByteBuffer.wrap(body)));
        }
    }
}
