package io.shardline.engine.server;

import io.shardline.engine.model.DynamoException;
import io.shardline.engine.model.ErrorType;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on requests. Open mode accepts any well-formed signature, as local
 * DynamoDB emulators do; strict mode recomputes it with the secret of the request's access key and
 * refuses unknown keys, wrong signatures, dates more than 15 minutes off, and credential scopes
 * other than the request's date, the engine's region, service {@code dynamodb} and
 * {@code aws4_request}, with the error types and messages AWS uses.
 */
final class RequestAuthenticator {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,\\s*"
                    + "SignedHeaders=([a-z0-9;_.-]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final String SERVICE = "dynamodb";

    private final Map<String, String> secretsByAccessKey;
    private final String region;
    private final Clock clock;

    /**
     * @param secretsByAccessKey null for open mode; the accepted credentials for strict mode
     * @param region             the region strict mode requires in the credential scope
     */
    RequestAuthenticator(Map<String, String> secretsByAccessKey, String region, Clock clock) {
        this.secretsByAccessKey = secretsByAccessKey;
        this.region = region;
        this.clock = clock;
    }

    void check(String method, String path, String query, HeaderMap headers, byte[] body) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            throw new DynamoException(ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new DynamoException(ErrorType.INCOMPLETE_SIGNATURE, "Authorization header is not a well-formed AWS "
                    + "Signature Version 4 header: " + authorization);
        }
        if (secretsByAccessKey == null) {
            return;
        }
        String accessKey = m.group(1);
        String secret = secretsByAccessKey.get(accessKey);
        if (secret == null) {
            throw new DynamoException(ErrorType.UNRECOGNIZED_CLIENT,
                    "The security token included in the request is invalid. Unknown access key " + accessKey);
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate == null ? "" : amzDate));
        } catch (DateTimeParseException e) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "X-Amz-Date is missing or malformed: " + amzDate);
        }
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "Signature expired: " + amzDate + " is more than "
                    + MAX_SKEW.toMinutes() + " minutes from the server time " + AMZ_DATE.format(now));
        }
        if (!amzDate.startsWith(m.group(2))) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "Date in Credential scope does not match YYYYMMDD "
                    + "from ISO-8601 version of date from HTTP: '" + m.group(2) + "' != '" + amzDate.substring(0, 8)
                    + "', from 'X-Amz-Date'.");
        }
        if (!m.group(3).equals(region)) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "Credential should be scoped to a valid region, "
                    + "not '" + m.group(3) + "'. This server serves region '" + region + "'.");
        }
        if (!m.group(4).equals(SERVICE)) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "Credential should be scoped to correct service: '"
                    + SERVICE + "'. ");
        }
        String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
        String signedHeaders = m.group(5);
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n').append(path).append('\n').append(query == null ? "" : query).append('\n');
        for (String name : signedHeaders.split(";")) {
            String value = String.join(",", headers.get(new HttpString(name)) == null
                    ? List.of() : headers.get(new HttpString(name)));
            canonical.append(name).append(':').append(value.trim().replaceAll("\\s+", " ")).append('\n');
        }
        String payloadHash = hex(sha256(body));
        String declaredHash = headers.getFirst("X-Amz-Content-Sha256");
        if (declaredHash != null && !declaredHash.equals(payloadHash)) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "The x-amz-content-sha256 header does not match "
                    + "the SHA-256 of the request body: the body was changed after signing");
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(key, m.group(3));
        key = hmac(key, m.group(4));
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            throw new DynamoException(ErrorType.INVALID_SIGNATURE, "The request signature we calculated does not match "
                    + "the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
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
