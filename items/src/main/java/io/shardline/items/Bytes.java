package io.shardline.items;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string, ordered bytewise as unsigned values (DynamoDB's order for binary keys). */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes copyOf(byte[] data) {
        return new Bytes(data.clone());
    }

    public static Bytes fromBase64(String base64) {
        try {
            return new Bytes(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw DynamoException.validation("Invalid base64 in binary attribute value: " + e.getMessage());
        }
    }

    public int length() {
        return data.length;
    }

    public byte[] toArray() {
        return data.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(data);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
