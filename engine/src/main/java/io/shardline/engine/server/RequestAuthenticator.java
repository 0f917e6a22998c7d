package io.shardline.engine.server;

import io.shardline.engine.control.SigV4;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Checks a request's signature; returns the access key it names (verified in strict mode). */
    String check(String method, String path, String query, HeaderMap headers, byte[] body) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            throw new DynamoException(
                    ErrorType.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw new DynamoException(
                    ErrorType.INCOMPLETE_SIGNATURE,
                    "Authorization header is not a well-formed AWS " + "Signature Version 4 header: " + authorization);
        }
        if (secretsByAccessKey == null) {
            return m.group(1);
        }
        String accessKey = m.group(1);
        String secret = secretsByAccessKey.get(accessKey);
        if (secret == null) {
            throw new DynamoException(
                    ErrorType.UNRECOGNIZED_CLIENT,
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
            throw new DynamoException(
                    ErrorType.INVALID_SIGNATURE,
                    "Signature expired: " + amzDate + " is more than " + MAX_SKEW.toMinutes()
                            + " minutes from the server time " + AMZ_DATE.format(now));
        }
        if (!amzDate.startsWith(m.group(2))) {
            throw new DynamoException(
                    ErrorType.INVALID_SIGNATURE,
                    "Date in Credential scope does not match YYYYMMDD "
                            + "from ISO-8601 version of date from HTTP: '" + m.group(2) + "' != '"
                            + amzDate.substring(0, 8)
                            + "', from 'X-Amz-Date'.");
        }
        if (!m.group(3).equals(region)) {
            throw new DynamoException(
                    ErrorType.INVALID_SIGNATURE,
                    "Credential should be scoped to a valid region, " + "not '" + m.group(3)
                            + "'. This server serves region '" + region + "'.");
        }
        if (!m.group(4).equals(SERVICE)) {
            throw new DynamoException(
                    ErrorType.INVALID_SIGNATURE, "Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        String signedHeaders = m.group(5);
        Map<String, List<String>> signed = new LinkedHashMap<>();
        for (String name : signedHeaders.split(";")) {
            HeaderValues values = headers.get(new HttpString(name));
            signed.put(name, values == null ? List.of() : List.copyOf(values));
        }
        String declaredHash = headers.getFirst("X-Amz-Content-Sha256");
        if (declaredHash != null && !declaredHash.equals(SigV4.payloadHash(body))) {
            throw new DynamoException(
                    ErrorType.INVALID_SIGNATURE,
                    "The x-amz-content-sha256 header does not match "
                            + "the SHA-256 of the request body: the body was changed after signing");
        }
        String expected = SigV4.signature(method, path, query, signed, body, secret, m.group(2), amzDate, m.group(3));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            throw new DynamoException(
                    ErrorType.INVALID_SIGNATURE,
                    "The request signature we calculated does not match "
                            + "the signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        return m.group(1);
    }

    /** Whether signatures are checked against known secrets (strict mode). */
    boolean strict() {
        return secretsByAccessKey != null;
    }
}
