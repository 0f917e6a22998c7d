package io.shardline.connector.sql;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps items to rows of a SQL table and back, column by column by name, following docs/sql.md:
 * S to STRING, N to DECIMAL, TINYINT to BIGINT, FLOAT and DOUBLE (refusing a value the column
 * cannot hold instead of rounding it), B to BYTES, BOOL to BOOLEAN, L and the sets to ARRAY (the
 * sets also to MULTISET), M to MAP and ROW. A missing attribute or NULL is a NULL column; a NULL
 * column is an attribute left out.
 */
@Internal
public final class ItemRowMapping implements Serializable {
    private final RowType row;
    private final RowData.FieldGetter[] columns;

    /** The mapping of {@code row}'s columns; refuses, naming the column, a type no attribute maps to. */
    public ItemRowMapping(RowType row) {
        for (RowType.RowField field : row.getFields()) {
            check(field.getType(), field.getName());
        }
        this.row = row;
        this.columns = new RowData.FieldGetter[row.getFieldCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = RowData.createFieldGetter(row.getTypeAt(i), i);
        }
    }

    /** A value of an item's attribute that its column's type cannot hold. */
    public static final class MismatchException extends IllegalArgumentException {
        MismatchException(String message) {
            super(message);
        }
    }

    private static void check(LogicalType type, String column) {
        switch (type.getTypeRoot()) {
            case CHAR,
                    VARCHAR,
                    BOOLEAN,
                    BINARY,
                    VARBINARY,
                    DECIMAL,
                    TINYINT,
                    SMALLINT,
                    INTEGER,
                    BIGINT,
                    FLOAT,
                    DOUBLE -> {}
            case ARRAY -> check(((ArrayType) type).getElementType(), column + "[]");
            case MULTISET -> check(((MultisetType) type).getElementType(), column + "[]");
            case MAP -> {
                MapType map = (MapType) type;
                if (!isString(map.getKeyType())) {
                    throw new ValidationException("Column " + column + " is a " + type + ": a map column needs STRING "
                            + "keys, as DynamoDB maps have");
                }
                check(map.getValueType(), column + "[]");
            }
            case ROW -> ((RowType) type).getFields().forEach(f -> check(f.getType(), column + "." + f.getName()));
            default ->
                throw new ValidationException("Column " + column + " is a " + type + ", which no DynamoDB "
                        + "attribute type maps to (see docs/sql.md for the types that do)");
        }
    }

    /** The row's columns read from {@code item}, in order; {@code lenient} makes a mismatching column NULL. */
    public Object[] fields(Map<String, AttributeValue> item, boolean lenient) {
        Object[] fields = new Object[row.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            RowType.RowField field = row.getFields().get(i);
            try {
                fields[i] = read(item.get(field.getName()), field.getType(), field.getName());
            } catch (MismatchException e) {
                if (!lenient) {
                    throw e;
                }
            }
        }
        return fields;
    }

    /** The item a row holds; NULL columns are left out. */
    public Map<String, AttributeValue> item(RowData values) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < row.getFieldCount(); i++) {
            RowType.RowField field = row.getFields().get(i);
            Object value = columns[i].getFieldOrNull(values);
            AttributeValue attribute = write(value, field.getType(), field.getName());
            if (attribute != null) {
                item.put(field.getName(), attribute);
            }
        }
        return item;
    }

    private static Object read(AttributeValue value, LogicalType type, String column) {
        if (value == null || value.type() == AttributeValue.Type.NUL) {
            return null;
        }
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR ->
                StringData.fromString(
                        expect(value, AttributeValue.Type.S, type, column).s());
            case BOOLEAN ->
                expect(value, AttributeValue.Type.BOOL, type, column).bool();
            case BINARY, VARBINARY ->
                expect(value, AttributeValue.Type.B, type, column).b().asByteArray();
            case DECIMAL -> decimal(number(value, type, column), (DecimalType) type, column);
            case TINYINT -> exact(() -> number(value, type, column).byteValueExact(), value, type, column);
            case SMALLINT -> exact(() -> number(value, type, column).shortValueExact(), value, type, column);
            case INTEGER -> exact(() -> number(value, type, column).intValueExact(), value, type, column);
            case BIGINT -> exact(() -> number(value, type, column).longValueExact(), value, type, column);
            case FLOAT -> {
                float f = number(value, type, column).floatValue();
                if (Float.isInfinite(f)) {
                    throw mismatch(value, type, column, "beyond FLOAT's range");
                }
                yield f;
            }
            case DOUBLE -> {
                double d = number(value, type, column).doubleValue();
                if (Double.isInfinite(d)) {
                    throw mismatch(value, type, column, "beyond DOUBLE's range");
                }
                yield d;
            }
            case ARRAY ->
                new GenericArrayData(elements(value, ((ArrayType) type).getElementType(), type, column)
                        .toArray());
            case MULTISET -> {
                Map<Object, Object> counts = new HashMap<>();
                elements(value, ((MultisetType) type).getElementType(), type, column)
                        .forEach(element -> counts.merge(element, 1, (a, b) -> (Integer) a + (Integer) b));
                yield new GenericMapData(counts);
            }
            case MAP -> {
                Map<Object, Object> entries = new HashMap<>();
                LogicalType valueType = ((MapType) type).getValueType();
                expect(value, AttributeValue.Type.M, type, column)
                        .m()
                        .forEach((name, v) -> entries.put(
                                StringData.fromString(name), read(v, valueType, column + "['" + name + "']")));
                yield new GenericMapData(entries);
            }
            case ROW -> {
                RowType rowType = (RowType) type;
                Map<String, AttributeValue> map =
                        expect(value, AttributeValue.Type.M, type, column).m();
                GenericRowData nested = new GenericRowData(rowType.getFieldCount());
                for (int i = 0; i < rowType.getFieldCount(); i++) {
                    RowType.RowField f = rowType.getFields().get(i);
                    nested.setField(i, read(map.get(f.getName()), f.getType(), column + "." + f.getName()));
                }
                yield nested;
            }
            default -> throw mismatch(value, type, column, "of an unsupported column type");
        };
    }

    /** The values of a list or set attribute as {@code elementType}'s. */
    private static List<Object> elements(
            AttributeValue value, LogicalType elementType, LogicalType type, String column) {
        List<AttributeValue> members = switch (value.type()) {
            case L -> value.l();
            case SS -> value.ss().stream().map(AttributeValue::fromS).toList();
            case NS -> value.ns().stream().map(AttributeValue::fromN).toList();
            case BS -> value.bs().stream().map(AttributeValue::fromB).toList();
            default -> throw mismatch(value, type, column, "not a list or set");
        };
        List<Object> elements = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            elements.add(read(members.get(i), elementType, column + "[" + (i + 1) + "]"));
        }
        return elements;
    }

    private static BigDecimal number(AttributeValue value, LogicalType type, String column) {
        return new BigDecimal(expect(value, AttributeValue.Type.N, type, column).n());
    }

    private static DecimalData decimal(BigDecimal number, DecimalType type, String column) {
        BigDecimal scaled;
        try {
            scaled = number.setScale(type.getScale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException rounding) {
            throw new MismatchException("Column " + column + ": the number " + number.toPlainString() + " has more "
                    + "than " + type.getScale() + " decimal places, so " + type + " would round it");
        }
        DecimalData decimal = DecimalData.fromBigDecimal(scaled, type.getPrecision(), type.getScale());
        if (decimal == null) {
            throw new MismatchException("Column " + column + ": the number " + number.toPlainString() + " needs more "
                    + "than the " + type.getPrecision() + " digits of " + type);
        }
        return decimal;
    }

    /** An integer read exactly, or a mismatch naming the value and the type. */
    private static Object exact(Supplier<Object> integer, AttributeValue value, LogicalType type, String column) {
        try {
            return integer.get();
        } catch (ArithmeticException notExact) {
            throw mismatch(value, type, column, "not a whole number in its range");
        }
    }

    private static AttributeValue expect(
            AttributeValue value, AttributeValue.Type expected, LogicalType type, String column) {
        if (value.type() != expected) {
            throw mismatch(value, type, column, "an attribute of type " + value.type());
        }
        return value;
    }

    private static MismatchException mismatch(AttributeValue value, LogicalType type, String column, String why) {
        return new MismatchException(
                "Column " + column + " is " + type + ", but the item holds " + value + " (" + why + ")");
    }

    private static AttributeValue write(Object value, LogicalType type, String column) {
        if (value == null) {
            return null;
        }
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> AttributeValue.fromS(value.toString());
            case BOOLEAN -> AttributeValue.fromBool((Boolean) value);
            case BINARY, VARBINARY -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) value));
            case DECIMAL ->
                AttributeValue.fromN(((DecimalData) value).toBigDecimal().toPlainString());
            case TINYINT, SMALLINT, INTEGER, BIGINT -> AttributeValue.fromN(value.toString());
            case FLOAT, DOUBLE -> {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(
                            "Column " + column + " holds " + value + ", which DynamoDB " + "numbers cannot");
                }
                yield AttributeValue.fromN(new BigDecimal(value.toString()).toPlainString());
            }
            case ARRAY -> {
                LogicalType elementType = ((ArrayType) type).getElementType();
                ArrayData array = (ArrayData) value;
                ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
                List<AttributeValue> list = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    AttributeValue element = write(getter.getElementOrNull(array, i), elementType, column + "[]");
                    list.add(element == null ? AttributeValue.fromNul(true) : element);
                }
                yield AttributeValue.fromL(list);
            }
            case MULTISET -> set((MapData) value, ((MultisetType) type).getElementType(), column);
            case MAP -> {
                MapData map = (MapData) value;
                LogicalType valueType = ((MapType) type).getValueType();
                ArrayData.ElementGetter valueGetter = ArrayData.createElementGetter(valueType);
                Map<String, AttributeValue> members = new LinkedHashMap<>();
                for (int i = 0; i < map.size(); i++) {
                    AttributeValue member =
                            write(valueGetter.getElementOrNull(map.valueArray(), i), valueType, column + "[]");
                    members.put(
                            map.keyArray().getString(i).toString(),
                            member == null ? AttributeValue.fromNul(true) : member);
                }
                yield AttributeValue.fromM(members);
            }
            case ROW -> {
                RowType rowType = (RowType) type;
                RowData nested = (RowData) value;
                Map<String, AttributeValue> members = new LinkedHashMap<>();
                for (int i = 0; i < rowType.getFieldCount(); i++) {
                    RowType.RowField f = rowType.getFields().get(i);
                    AttributeValue member = write(
                            RowData.createFieldGetter(f.getType(), i).getFieldOrNull(nested),
                            f.getType(),
                            column + "." + f.getName());
                    if (member != null) {
                        members.put(f.getName(), member);
                    }
                }
                yield AttributeValue.fromM(members);
            }
            default ->
                throw new IllegalArgumentException(
                        "Column " + column + " is " + type + ", which no DynamoDB " + "attribute type maps to");
        };
    }

    /** A multiset as a DynamoDB set of its distinct elements: SS, NS or BS by element type; none when empty. */
    private static AttributeValue set(MapData multiset, LogicalType elementType, String column) {
        if (multiset.size() == 0) {
            return null;
        }
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
        List<AttributeValue> members = new ArrayList<>();
        for (int i = 0; i < multiset.size(); i++) {
            members.add(write(getter.getElementOrNull(multiset.keyArray(), i), elementType, column + "[]"));
        }
        AttributeValue first = members.get(0);
        return switch (first.type()) {
            case S ->
                AttributeValue.fromSs(members.stream().map(AttributeValue::s).toList());
            case N ->
                AttributeValue.fromNs(members.stream().map(AttributeValue::n).toList());
            case B ->
                AttributeValue.fromBs(members.stream().map(AttributeValue::b).toList());
            default ->
                throw new IllegalArgumentException("Column " + column + " is " + new MultisetType(elementType)
                        + ": DynamoDB sets hold strings, numbers or binary values only");
        };
    }

    private static boolean isString(LogicalType type) {
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> true;
            default -> false;
        };
    }
}
