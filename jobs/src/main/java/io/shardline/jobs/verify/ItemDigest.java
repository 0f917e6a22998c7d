package io.shardline.jobs.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A SHA-256 digest of an item in a canonical form: attributes and map members in name order, set
 * elements sorted (a set has no order), every value with its type, so two items have the same digest
 * exactly when DynamoDB would call them equal.
 */
final class ItemDigest {
    private ItemDigest() {}

    static String of(Map<String, AttributeValue> item) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256", e);
        }
        map(item, digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void map(Map<String, AttributeValue> map, MessageDigest digest) {
        text("{" + map.size(), digest);
        for (Map.Entry<String, AttributeValue> member : new TreeMap<>(map).entrySet()) {
            text(member.getKey(), digest);
            value(member.getValue(), digest);
        }
    }

    private static void value(AttributeValue value, MessageDigest digest) {
        text(value.type().name(), digest);
        switch (value.type()) {
            case S -> text(value.s(), digest);
            case N -> text(value.n(), digest);
            case B -> text(base64(value.b()), digest);
            case BOOL -> text(value.bool().toString(), digest);
            case NUL -> text("null", digest);
            case M -> map(value.m(), digest);
            case L -> {
                text("[" + value.l().size(), digest);
                value.l().forEach(element -> value(element, digest));
            }
            case SS -> sorted(value.ss(), digest);
            case NS -> sorted(value.ns(), digest);
            case BS -> sorted(value.bs().stream().map(ItemDigest::base64).toList(), digest);
            default -> throw new IllegalArgumentException("An attribute value of unknown type: " + value);
        }
    }

    private static void sorted(List<String> elements, MessageDigest digest) {
        List<String> sorted = new ArrayList<>(elements);
        sorted.sort(null);
        text("<" + sorted.size(), digest);
        sorted.forEach(element -> text(element, digest));
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    /** Adds a length-prefixed string, so no two sequences of strings digest alike. */
    private static void text(String text, MessageDigest digest) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }
}
