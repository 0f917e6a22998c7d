package io.shardline.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 requests written byte for byte on a fresh connection, for requests no client library
 * would send, and the answer read back with a time bound.
 */
final class RawHttp {
    static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261127/us-east-1/dynamodb/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {}

    /** An answer: its status (0 when the server closed the connection without one), headers and body. */
    record Answer(int status, String headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The error type after the '#' of {@code __type}, or null when the body is not a DynamoDB error. */
        String errorType() {
            try {
                JsonNode node = JSON.readTree(body);
                if (node == null || !node.hasNonNull("__type") || !node.hasNonNull("message")) {
                    return null;
                }
                String type = node.get("__type").asText();
                return type.substring(type.indexOf('#') + 1);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A signed POST of {@code body} to {@code target} with the usual headers. */
    static byte[] post(String target, byte[] body) {
        String head =
                "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + target + "\r\nAuthorization: " + SIGNATURE
                        + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + body.length + "\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.US_ASCII), body);
    }

    static byte[] post(String target, String body) {
        return post(target, body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** Sends {@code request} on a new connection and reads one answer, waiting at most {@code timeoutMillis}. */
    static Answer send(ServerFixture fixture, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.address().getPort())) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything; the answer is what counts
            }
            return read(socket.getInputStream());
        }
    }

    /** Reads one answer from a connection; status 0 when it closes first. */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return new Answer(0, head.toString(StandardCharsets.ISO_8859_1), new byte[0]);
                }
                head.write(b);
                matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer in time; read so far: " + head.toString(StandardCharsets.ISO_8859_1), e);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headers.substring(9, 12));
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new Answer(status, headers, in.readNBytes(length));
    }
}
