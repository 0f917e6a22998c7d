package io.shardline.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemRowMappingTest {
    private static ItemRowMapping mapping(DataType row) {
        return new ItemRowMapping((RowType) row.getLogicalType());
    }

    private static Object read(DataType column, AttributeValue value) {
        return mapping(DataTypes.ROW(DataTypes.FIELD("c", column)))
                .fields(value == null ? Map.of() : Map.of("c", value), false)[0];
    }

    private static AttributeValue roundTrip(DataType column, AttributeValue value) {
        ItemRowMapping mapping = mapping(DataTypes.ROW(DataTypes.FIELD("c", column)));
        Object[] fields = mapping.fields(Map.of("c", value), false);
        return mapping.item(GenericRowData.of(fields)).get("c");
    }

    @Test
    void everyAttributeTypeMapsToItsColumnTypesAndBack() {
        assertThat(read(DataTypes.STRING(), AttributeValue.fromS("ünï"))).isEqualTo(StringData.fromString("ünï"));
        assertThat(read(DataTypes.BOOLEAN(), AttributeValue.fromBool(true))).isEqualTo(true);
        assertThat((byte[]) read(DataTypes.BYTES(), AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1}))))
                .containsExactly(0, -1);
        assertThat(((DecimalData) read(
                                DataTypes.DECIMAL(38, 2),
                                AttributeValue.fromN("123456789012345678901234567890" + "123456.78")))
                        .toBigDecimal())
                .isEqualTo(new BigDecimal("123456789012345678901234567890123456.78"));
        assertThat(read(DataTypes.TINYINT(), AttributeValue.fromN("-128"))).isEqualTo((byte) -128);
        assertThat(read(DataTypes.SMALLINT(), AttributeValue.fromN("32767"))).isEqualTo((short) 32767);
        assertThat(read(DataTypes.INT(), AttributeValue.fromN("2147483647"))).isEqualTo(2147483647);
        assertThat(read(DataTypes.BIGINT(), AttributeValue.fromN("-9223372036854775808")))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(read(DataTypes.DOUBLE(), AttributeValue.fromN("3.5"))).isEqualTo(3.5);
        assertThat(read(DataTypes.FLOAT(), AttributeValue.fromN("1.25"))).isEqualTo(1.25f);
        assertThat(read(DataTypes.STRING(), AttributeValue.fromNul(true))).isNull();
        assertThat(read(DataTypes.STRING(), null)).as("a missing attribute").isNull();

        for (Object[] pair : new Object[][] {
            {DataTypes.STRING(), AttributeValue.fromS("x")},
            {DataTypes.BOOLEAN(), AttributeValue.fromBool(false)},
            {DataTypes.BYTES(), AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {7}))},
            {DataTypes.DECIMAL(38, 0), AttributeValue.fromN("99999999999999999999999999999999999999")},
            {DataTypes.DECIMAL(10, 3), AttributeValue.fromN("-1234567.891")},
            {DataTypes.BIGINT(), AttributeValue.fromN("42")},
            {DataTypes.INT(), AttributeValue.fromN("-7")},
            {DataTypes.SMALLINT(), AttributeValue.fromN("-32768")},
            {DataTypes.TINYINT(), AttributeValue.fromN("127")},
            {DataTypes.FLOAT(), AttributeValue.fromN("1.25")},
            {DataTypes.VARCHAR(10), AttributeValue.fromS("short")},
            {DataTypes.VARBINARY(4), AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9, 8}))},
            {DataTypes.DOUBLE(), AttributeValue.fromN("0.1")},
            {
                DataTypes.ARRAY(DataTypes.STRING()),
                AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b")))
            },
            {
                DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.BIGINT())),
                AttributeValue.fromL(List.of(
                        AttributeValue.fromL(List.of(AttributeValue.fromN("1"))), AttributeValue.fromL(List.of())))
            },
            {DataTypes.MULTISET(DataTypes.STRING()), AttributeValue.fromSs(List.of("red"))},
            {DataTypes.MULTISET(DataTypes.DECIMAL(5, 1)), AttributeValue.fromNs(List.of("1.5"))},
            {
                DataTypes.MULTISET(DataTypes.BYTES()),
                AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1, 2})))
            },
            {
                DataTypes.MAP(DataTypes.STRING(), DataTypes.BIGINT()),
                AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"), "b", AttributeValue.fromN("2")))
            },
            {
                DataTypes.ROW(DataTypes.FIELD("city", DataTypes.STRING()), DataTypes.FIELD("zip", DataTypes.INT())),
                AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Lyon"), "zip", AttributeValue.fromN("69001")))
            },
        }) {
            assertThat(roundTrip((DataType) pair[0], (AttributeValue) pair[1]))
                    .as(pair[0].toString())
                    .isEqualTo(pair[1]);
        }
    }

    @Test
    void setsReadAsArraysOrMultisetsAndListsOfMapsAsArraysOfRows() {
        ArrayData names =
                (ArrayData) read(DataTypes.ARRAY(DataTypes.STRING()), AttributeValue.fromSs(List.of("a", "b")));
        assertThat(names.size()).isEqualTo(2);
        MapData counts =
                (MapData) read(DataTypes.MULTISET(DataTypes.BIGINT()), AttributeValue.fromNs(List.of("1", "2")));
        assertThat(counts.size()).isEqualTo(2);
        ArrayData lines = (ArrayData) read(
                DataTypes.ARRAY(DataTypes.ROW(DataTypes.FIELD("qty", DataTypes.INT()))),
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("qty", AttributeValue.fromN("3"))))));
        assertThat(lines.getRow(0, 1).getInt(0)).isEqualTo(3);
    }

    @Test
    void aValueTheColumnCannotHoldIsRefusedNotRounded() {
        assertThatThrownBy(() -> read(DataTypes.DECIMAL(10, 2), AttributeValue.fromN("1.005")))
                .hasMessageContaining("Column c: the number 1.005 has more than 2 decimal places");
        assertThatThrownBy(() -> read(DataTypes.DECIMAL(5, 0), AttributeValue.fromN("123456")))
                .hasMessageContaining("needs more than the 5 digits");
        assertThatThrownBy(() -> read(DataTypes.INT(), AttributeValue.fromN("2147483648")))
                .hasMessageContaining("Column c is INT")
                .hasMessageContaining("not a whole number in its range");
        assertThatThrownBy(() -> read(DataTypes.BIGINT(), AttributeValue.fromN("1.5")))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> read(DataTypes.FLOAT(), AttributeValue.fromN("1E+39")))
                .hasMessageContaining("beyond FLOAT's range");
        assertThatThrownBy(() -> read(DataTypes.STRING(), AttributeValue.fromN("1")))
                .hasMessageContaining("Column c is STRING")
                .hasMessageContaining("an attribute of type N");
    }

    @Test
    void lenientReadingMakesAMismatchingColumnNull() {
        ItemRowMapping mapping = mapping(
                DataTypes.ROW(DataTypes.FIELD("id", DataTypes.STRING()), DataTypes.FIELD("n", DataTypes.INT())));
        Object[] fields = mapping.fields(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromS("x")), true);
        assertThat(fields).containsExactly(StringData.fromString("a"), null);
    }

    @Test
    void nullColumnsAreLeftOutAndEmptyMultisetsMakeNoSet() {
        ItemRowMapping mapping = mapping(DataTypes.ROW(
                DataTypes.FIELD("id", DataTypes.STRING()),
                DataTypes.FIELD("note", DataTypes.STRING()),
                DataTypes.FIELD("tags", DataTypes.MULTISET(DataTypes.STRING()))));
        RowData row = GenericRowData.of(
                StringData.fromString("a"), null, new org.apache.flink.table.data.GenericMapData(Map.of()));
        assertThat(mapping.item(row)).isEqualTo(Map.of("id", AttributeValue.fromS("a")));
    }

    @Test
    void aColumnTypeNoAttributeMapsToIsRefusedWhilePlanning() {
        assertThatThrownBy(() -> mapping(DataTypes.ROW(DataTypes.FIELD("at", DataTypes.TIMESTAMP(3)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Column at is a TIMESTAMP(3), which no DynamoDB attribute type maps to");
        assertThatThrownBy(() -> mapping(
                        DataTypes.ROW(DataTypes.FIELD("m", DataTypes.MAP(DataTypes.INT(), DataTypes.STRING())))))
                .hasMessageContaining("a map column needs STRING keys");
    }
}
