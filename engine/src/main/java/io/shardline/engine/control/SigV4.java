package io.shardline.engine.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for service {@code dynamodb}: the one computation the server checks
 * requests with and the control client signs its calls with.
 */
public final class SigV4 {
    private SigV4() {}

    /**
     * The signature of a request.
     *
     * @param signedHeaders each signed header's lower-case name, in the order of the SignedHeaders list, to its values
     * @param date          the credential scope's date, {@code yyyyMMdd}
     * @param amzDate       the request's X-Amz-Date, {@code yyyyMMdd'T'HHmmss'Z'}
     */
    public static String signature(
            String method,
            String path,
            String query,
            Map<String, List<String>> signedHeaders,
            byte[] body,
            String secret,
            String date,
            String amzDate,
            String region) {
        StringBuilder canonical = new StringBuilder()
                .append(method)
                .append('\n')
                .append(path)
                .append('\n')
                .append(query == null ? "" : query)
                .append('\n');
        signedHeaders.forEach((name, values) -> canonical
                .append(name)
                .append(':')
                .append(String.join(",", values).trim().replaceAll("\\s+", " "))
                .append('\n'));
        canonical
                .append('\n')
                .append(String.join(";", signedHeaders.keySet()))
                .append('\n')
                .append(payloadHash(body));
        String scope = date + "/" + region + "/dynamodb/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "dynamodb");
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    /** The hex SHA-256 of a request body, as X-Amz-Content-Sha256 carries it. */
    public static String payloadHash(byte[] body) {
        return hex(sha256(body));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
