package io.shardline.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shardline.items.AttributeValue;
import io.shardline.items.DynamoNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemKeysTest {

    @Test
    void numberEncodingSortsNumerically() {
        Random random = new Random(42);
        List<DynamoNumber> numbers = new ArrayList<>();
        for (String fixed : new String[] {
            "0",
            "1",
            "-1",
            "1.5",
            "1.55",
            "-1.5",
            "-1.55",
            "10",
            "9.99",
            "-10",
            "1E-130",
            "-1E-130",
            "9.9E125",
            "-9.9E125",
            "0.001",
            "100",
            "99"
        }) {
            numbers.add(DynamoNumber.parse(fixed));
        }
        for (int i = 0; i < 2000; i++) {
            BigDecimal value = new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(60) - 30);
            numbers.add(DynamoNumber.of(value));
        }
        List<DynamoNumber> byValue = new ArrayList<>(numbers);
        byValue.sort(Comparator.naturalOrder());
        List<DynamoNumber> byBytes = new ArrayList<>(numbers);
        byBytes.sort((a, b) -> Arrays.compareUnsigned(ItemKeys.numberBytes(a), ItemKeys.numberBytes(b)));
        assertEquals(byValue, byBytes);
    }

    @Test
    void equalNumbersEncodeIdentically() {
        assertEquals(
                0,
                Arrays.compareUnsigned(
                        ItemKeys.keyBytes(AttributeValue.N.of("1.50")),
                        ItemKeys.keyBytes(AttributeValue.N.of("15E-1"))));
    }

    @Test
    void hashSpaceSlicesCoverEverythingOnce() {
        for (int count : new int[] {1, 3, 4, 7}) {
            assertEquals(0L, HashSpace.sliceStart(0, count));
            assertEquals(-1L, HashSpace.sliceEnd(count - 1, count));
            for (int i = 1; i < count; i++) {
                assertEquals(HashSpace.sliceEnd(i - 1, count) + 1, HashSpace.sliceStart(i, count));
            }
        }
    }
}
