package io.shardline.items;

import static io.shardline.items.testing.ItemValues.b;
import static io.shardline.items.testing.ItemValues.item;
import static io.shardline.items.testing.ItemValues.n;
import static io.shardline.items.testing.ItemValues.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

    @Test
    void scalarsCountNameAndValueBytes() {
        assertEquals(2 + 5, ItemSize.of(item("id", s("hello"))));
        assertEquals(2 + 6, ItemSize.of(item("é", s("日本"))), "UTF-8 lengths");
        assertEquals(1 + 3, ItemSize.of(item("b", b((byte) 1, (byte) 2, (byte) 3))));
        assertEquals(1 + 1, ItemSize.of(item("t", new AttributeValue.BOOL(true))));
        assertEquals(1 + 1, ItemSize.of(item("z", new AttributeValue.NULL())));
    }

    @Test
    void numbersCountOneBytePerTwoSignificantDigitsPlusOne() {
        assertEquals(2, ItemSize.of(n("7")));
        assertEquals(2, ItemSize.of(n("12")));
        assertEquals(3, ItemSize.of(n("123")));
        assertEquals(3, ItemSize.of(n("1.23")));
        assertEquals(2, ItemSize.of(n("1000000")), "trailing zeros are not significant");
        assertEquals(20, ItemSize.of(n("12345678901234567890123456789012345678")));
    }

    @Test
    void documentsCountOverheadPerContainerAndElement() {
        assertEquals(3, ItemSize.of(new AttributeValue.L(List.of())));
        assertEquals(3, ItemSize.of(new AttributeValue.M(Map.of())));
        assertEquals(3 + 2 + 1 + 1, ItemSize.of(new AttributeValue.L(List.of(s("a"), s("b")))));
        assertEquals(3 + 1 + (1 + 2), ItemSize.of(new AttributeValue.M(Map.of("k", s("vv")))));
        assertEquals(2 + 3, ItemSize.of(new AttributeValue.SS(Set.of("ab", "cde"))));
    }
}
