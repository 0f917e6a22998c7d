package io.shardline.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.connector.source.ChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChangelogRowsTest {
    private static final ItemRowMapping MAPPING = new ItemRowMapping(
            (RowType) DataTypes.ROW(DataTypes.FIELD("id", DataTypes.STRING()), DataTypes.FIELD("n", DataTypes.INT()))
                    .getLogicalType());

    private static Map<String, AttributeValue> item(String n) {
        return Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN(n));
    }

    private static ChangeRecord record(
            String event, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return new ChangeRecord(
                "e",
                event,
                "1.1",
                "aws:dynamodb",
                "us-east-1",
                Map.of("id", AttributeValue.fromS("a")),
                oldImage,
                newImage,
                "100",
                null,
                1_000L,
                "NEW_AND_OLD_IMAGES",
                "shardId-1",
                null);
    }

    private static List<RowData> rows(ChangelogRows schema, ChangeRecord record) {
        List<RowData> rows = new ArrayList<>();
        schema.deserialize(record, "T", new Collector<>() {
            @Override
            public void collect(RowData row) {
                rows.add(row);
            }

            @Override
            public void close() {}
        });
        return rows;
    }

    private static ChangelogRows schema(boolean upsert, boolean lenient) {
        return new ChangelogRows(
                MAPPING, upsert, lenient, List.of(ChangeMetadata.TABLE_NAME), TypeInformation.of(RowData.class));
    }

    @Test
    void bothImagesGiveAFullChangelogAndNewImagesAnUpsertOne() {
        ChangelogRows full = schema(false, false);
        assertThat(rows(full, record("INSERT", null, item("1"))))
                .extracting(RowData::getRowKind)
                .containsExactly(RowKind.INSERT);
        List<RowData> modify = rows(full, record("MODIFY", item("1"), item("2")));
        assertThat(modify).extracting(RowData::getRowKind).containsExactly(RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
        assertThat(modify).extracting(row -> row.getInt(1)).containsExactly(1, 2);
        assertThat(modify.get(0).getString(2)).isEqualTo(StringData.fromString("T"));
        assertThat(rows(full, record("REMOVE", item("2"), null)).get(0).getInt(1))
                .isEqualTo(2);

        ChangelogRows upsert = schema(true, false);
        assertThat(rows(upsert, record("MODIFY", null, item("2"))))
                .extracting(RowData::getRowKind)
                .containsExactly(RowKind.UPDATE_AFTER);
        RowData delete = rows(upsert, record("REMOVE", null, null)).get(0);
        assertThat(delete.getRowKind()).isEqualTo(RowKind.DELETE);
        assertThat(delete.getString(0)).isEqualTo(StringData.fromString("a"));
        assertThat(delete.isNullAt(1)).isTrue();
    }

    @Test
    void anAttributeOfTheWrongTypeFailsNamingTheItemAndColumnOrIsNullWhenAsked() {
        ChangeRecord wrong =
                record("INSERT", null, Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromS("many")));
        assertThatThrownBy(() -> rows(schema(false, false), wrong))
                .hasMessageContaining("Item {\"id\":{\"S\":\"a\"}} of table T: Column n is INT")
                .hasMessageContaining("'ignore-parse-errors' = 'true'");
        assertThat(rows(schema(false, true), wrong).get(0).isNullAt(1)).isTrue();
    }
}
