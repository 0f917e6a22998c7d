package io.shardline.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    @Test
    void numbersOfDifferentLengthCompareAsNumbersNotAsStrings() {
        assertTrue(SequenceNumbers.compare("900000000000000000000", "1000000000000000000000000000000000000000") < 0);
        assertTrue(SequenceNumbers.compare("000000000000000000002", "100000000000000000001") < 0);
        assertEquals(0, SequenceNumbers.compare("000000000000000000042", "0000000000000000000000042"));
        assertTrue(SequenceNumbers.compare("100000000000000000000000000000000000000", "99999999999999999999") > 0);
    }

    @Test
    void orderAgreesWithBigIntegerOnRandomNumbersOf21To40Digits() {
        Random random = new Random(11);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder digits = new StringBuilder();
            int length = 21 + random.nextInt(20);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(d == 0 ? 2 : 10)));
            }
            numbers.add(digits.toString());
        }
        List<String> byOrder = numbers.stream().sorted(SequenceNumbers.ORDER).toList();
        List<String> byValue = numbers.stream()
                .sorted((a, b) -> new BigInteger(a).compareTo(new BigInteger(b)))
                .toList();
        for (int i = 0; i < byOrder.size(); i++) {
            assertEquals(0, new BigInteger(byOrder.get(i)).compareTo(new BigInteger(byValue.get(i))), "position " + i);
        }
    }

    @Test
    void somethingThatIsNotANumberIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SequenceNumbers.compare("12a", "100000000000000000000"));
        assertThat(e).hasMessageContaining("12a");
    }
}
