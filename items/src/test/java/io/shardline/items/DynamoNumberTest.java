package io.shardline.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoNumberTest {

    @Test
    void equivalentSpellingsAreOneNumber() {
        DynamoNumber a = DynamoNumber.parse("1.50");
        DynamoNumber b = DynamoNumber.parse("1.5");
        DynamoNumber c = DynamoNumber.parse("15E-1");
        assertEquals(a, b);
        assertEquals(b, c);
        assertEquals(a.hashCode(), c.hashCode());
        assertEquals(0, a.compareTo(c));
        assertEquals("1.5", c.toString());
        assertEquals(DynamoNumber.parse("100"), DynamoNumber.parse("1E2"));
        assertEquals("100", DynamoNumber.parse("1E+2").toString());
        assertEquals(DynamoNumber.parse("0"), DynamoNumber.parse("-0.000"));
    }

    @Test
    void thirtyEightSignificantDigitsAreKeptExactly() {
        String digits = "12345678901234567890123456789012345678";
        assertEquals(digits, DynamoNumber.parse(digits).toString());
        assertEquals(
                "-0.00012345678901234567890123456789012345678",
                DynamoNumber.parse("-1.2345678901234567890123456789012345678E-4")
                        .toString());
    }

    @Test
    void moreThanThirtyEightSignificantDigitsAreRejected() {
        DynamoException e = assertThrows(
                DynamoException.class, () -> DynamoNumber.parse("123456789012345678901234567890123456789"));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertThat(e).hasMessageContaining("38 significant digits");
        assertEquals(
                "1234567890123456789012345678901234567800",
                DynamoNumber.parse("1234567890123456789012345678901234567800").toString(),
                "trailing zeros of an integer are not significant");
    }

    @Test
    void rangeLimitsAreDynamoDbs() {
        assertEquals(
                125,
                DynamoNumber.parse("9.9999999999999999999999999999999999999E+125")
                        .exponent());
        assertEquals(-130, DynamoNumber.parse("1E-130").exponent());
        assertEquals(-130, DynamoNumber.parse("-1E-130").exponent());
        assertTrue(assertThrows(DynamoException.class, () -> DynamoNumber.parse("1E126"))
                .getMessage()
                .startsWith("Number overflow"));
        assertTrue(assertThrows(DynamoException.class, () -> DynamoNumber.parse("-1E126"))
                .getMessage()
                .startsWith("Number overflow"));
        assertTrue(assertThrows(DynamoException.class, () -> DynamoNumber.parse("9E-131"))
                .getMessage()
                .startsWith("Number underflow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1..2", "NaN", "Infinity", "0x10", "1e"})
    void textThatIsNotANumberIsRejectedByName(String text) {
        DynamoException e = assertThrows(DynamoException.class, () -> DynamoNumber.parse(text));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertTrue(e.getMessage().endsWith(": " + text), e.getMessage());
    }

    @Test
    void arithmeticStaysInRange() {
        assertEquals(DynamoNumber.parse("3"), DynamoNumber.parse("1.25").add(DynamoNumber.parse("1.75")));
        assertThrows(DynamoException.class, () -> DynamoNumber.parse("9E125").add(DynamoNumber.parse("9E125")));
    }
}
