package io.shardline.connector.source;

import java.util.Comparator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Orders DynamoDB Streams sequence numbers. They are decimal strings of 21 to 40 digits (Amazon's and
 * the engine's alike) that do not fit a {@code long}, and two of them may differ in length, so they
 * compare as numbers: the one with more significant digits is larger, and numbers of equal length
 * compare digit by digit.
 */
@PublicEvolving
public final class SequenceNumbers {
    /** Numeric order of sequence numbers. */
    public static final Comparator<String> ORDER = SequenceNumbers::compare;

    private SequenceNumbers() {}

    /**
     * Compares two sequence numbers as numbers.
     *
     * @throws IllegalArgumentException when either is not a string of decimal digits
     */
    public static int compare(String a, String b) {
        String left = significant(a);
        String right = significant(b);
        if (left.length() != right.length()) {
            return Integer.compare(left.length(), right.length());
        }
        return left.compareTo(right);
    }

    private static String significant(String number) {
        if (number == null || number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a sequence number is a string of decimal digits, not " + number);
        }
        int first = 0;
        while (first < number.length() - 1 && number.charAt(first) == '0') {
            first++;
        }
        return number.substring(first);
    }
}
