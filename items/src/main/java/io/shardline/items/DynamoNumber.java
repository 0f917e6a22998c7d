package io.shardline.items;

import java.math.BigDecimal;

/**
 * An exact decimal within DynamoDB's number range: at most 38 significant digits, magnitude from
 * 1E-130 up to (but excluding) 1E+126. Values are normalised, so "1.50", "1.5" and "15E-1" are the
 * same number: they compare, hash and key equal.
 */
public final class DynamoNumber implements Comparable<DynamoNumber> {
    public static final int MAX_DIGITS = 38;
    /** The longest number text read; longer ones (leading zeros, say) are refused before parsing. */
    static final int MAX_TEXT_LENGTH = 1000;

    public static final int MAX_EXPONENT = 125;
    public static final int MIN_EXPONENT = -130;

    private final BigDecimal value;

    private DynamoNumber(BigDecimal value) {
        this.value = value;
    }

    /** Parses DynamoDB's string form of a number, rejecting what DynamoDB rejects. */
    public static DynamoNumber parse(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > MAX_TEXT_LENGTH
                || !isNumberCharacter(text.charAt(0))
                || !isNumberCharacter(text.charAt(text.length() - 1))) {
            throw notANumber(text);
        }
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw notANumber(text);
        }
        return of(parsed);
    }

    private static boolean isNumberCharacter(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    private static DynamoException notANumber(String text) {
        String shown = text == null || text.length() <= 100 ? text : text.substring(0, 100) + "...";
        return DynamoException.validation("The parameter cannot be converted to a numeric value: " + shown);
    }

    /** Wraps an exact decimal, rejecting values outside DynamoDB's range. */
    public static DynamoNumber of(BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return new DynamoNumber(BigDecimal.ZERO);
        }
        BigDecimal normal = decimal.stripTrailingZeros();
        if (normal.precision() > MAX_DIGITS) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        int exponent = adjustedExponent(normal);
        if (exponent > MAX_EXPONENT) {
            throw DynamoException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return new DynamoNumber(normal);
    }

    public static DynamoNumber of(long value) {
        return of(BigDecimal.valueOf(value));
    }

    /** The power of ten of the most significant digit (0 for 1..9.99, 2 for 100, -1 for 0.5). */
    static int adjustedExponent(BigDecimal nonZero) {
        return nonZero.precision() - nonZero.scale() - 1;
    }

    public BigDecimal value() {
        return value;
    }

    public int signum() {
        return value.signum();
    }

    /** The power of ten of the most significant digit; 0 for zero. */
    public int exponent() {
        return value.signum() == 0 ? 0 : adjustedExponent(value);
    }

    /** Significant digits of the magnitude, without sign, leading or trailing zeros ("0" for zero). */
    public String digits() {
        return value.unscaledValue().abs().toString();
    }

    public DynamoNumber add(DynamoNumber other) {
        return of(value.add(other.value));
    }

    @Override
    public int compareTo(DynamoNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamoNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The canonical string form, as DynamoDB returns numbers. */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
