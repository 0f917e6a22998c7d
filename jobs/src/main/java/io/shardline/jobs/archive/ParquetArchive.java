package io.shardline.jobs.archive;

import io.shardline.connector.codec.DynamoDbJson;
import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Archive files in Parquet, Snappy-compressed, one row per deleted item. The key and the item are
 * maps from attribute name to a group with one field per DynamoDB type, named as in DynamoDB JSON:
 * {@code S}, {@code N} (the number's exact text, up to 38 digits), {@code B}, {@code BOOL},
 * {@code NULL}, the sets {@code SS}, {@code NS}, {@code BS} as lists, and {@code M} and {@code L}
 * as DynamoDB JSON text (Parquet schemas cannot nest without end), so every attribute type is kept
 * exactly and query engines can read scalars as columns ({@code item['price'].N}).
 */
final class ParquetArchive {
    private static final String VALUE = """
            group value {
                optional binary S (STRING);
                optional binary N (STRING);
                optional binary B;
                optional boolean BOOL;
                optional boolean NULL;
                optional group SS (LIST) { repeated group list { required binary element (STRING); } }
                optional group NS (LIST) { repeated group list { required binary element (STRING); } }
                optional group BS (LIST) { repeated group list { required binary element; } }
                optional binary M (JSON);
                optional binary L (JSON);
            }""";
    private static final String ATTRIBUTES =
            "(MAP) { repeated group key_value { required binary key (STRING); required " + VALUE + " } }";
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message shardline_archived_item {"
            + " required binary table_name (STRING);"
            + " optional binary event_id (STRING);"
            + " optional binary sequence_number (STRING);"
            + " required int64 deleted_at (TIMESTAMP(MILLIS,true));"
            + " required binary deleted_by (STRING);"
            + " required group keys " + ATTRIBUTES
            + " required group item " + ATTRIBUTES
            + " optional binary shard_id (STRING); }");
    private static final String[] TYPES = {"S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "M", "L"};

    private ParquetArchive() {}

    /** Writes removals of {@code table}'s items, in row groups of up to {@code rowGroupBytes}. */
    static BulkWriter.Factory<ChangeRecord> writer(String table, long rowGroupBytes) {
        return new ParquetWriterFactory<>(out -> new Builder(out, table)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new SnappyPages())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(rowGroupBytes)
                .build());
    }

    /** Reads the removals back as the REMOVE records they were. */
    static StreamFormat<ChangeRecord> reader() {
        return new RowReader();
    }

    private static final class Builder extends ParquetWriter.Builder<ChangeRecord, Builder> {
        private final String table;

        Builder(OutputFile file, String table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation") // Parquet still declares the Hadoop variant abstract
        protected WriteSupport<ChangeRecord> getWriteSupport(org.apache.hadoop.conf.Configuration hadoop) {
            return new Rows(table);
        }

        @Override
        protected WriteSupport<ChangeRecord> getWriteSupport(ParquetConfiguration configuration) {
            return new Rows(table);
        }
    }

    /** Writes each removal as one row through Parquet's record consumer, field by field. */
    private static final class Rows extends WriteSupport<ChangeRecord> {
        private final String table;
        private RecordConsumer out;

        Rows(String table) {
            this.table = table;
        }

        @Override
        @SuppressWarnings("deprecation") // Parquet still declares the Hadoop variant abstract
        public WriteContext init(org.apache.hadoop.conf.Configuration hadoop) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer consumer) {
            this.out = consumer;
        }

        @Override
        public void write(ChangeRecord record) {
            ArchivedRemoval removal = ArchivedRemoval.of(table, record);
            out.startMessage();
            string("table_name", 0, removal.table());
            string("event_id", 1, removal.eventId());
            string("sequence_number", 2, removal.sequenceNumber());
            out.startField("deleted_at", 3);
            out.addLong(removal.deletedAtMillis());
            out.endField("deleted_at", 3);
            string("deleted_by", 4, removal.deletedBy());
            attributes("keys", 5, removal.keys());
            attributes("item", 6, removal.item());
            string("shard_id", 7, removal.shardId());
            out.endMessage();
        }

        private void attributes(String name, int index, Map<String, AttributeValue> attributes) {
            out.startField(name, index);
            out.startGroup();
            if (!attributes.isEmpty()) {
                out.startField("key_value", 0);
                for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
                    out.startGroup();
                    string("key", 0, attribute.getKey());
                    out.startField("value", 1);
                    out.startGroup();
                    value(attribute.getValue());
                    out.endGroup();
                    out.endField("value", 1);
                    out.endGroup();
                }
                out.endField("key_value", 0);
            }
            out.endGroup();
            out.endField(name, index);
        }

        private void value(AttributeValue value) {
            switch (value.type()) {
                case S -> string("S", 0, value.s());
                case N -> string("N", 1, value.n());
                case B -> {
                    out.startField("B", 2);
                    out.addBinary(Binary.fromConstantByteArray(value.b().asByteArray()));
                    out.endField("B", 2);
                }
                case BOOL -> bool("BOOL", 3, value.bool());
                case NUL -> bool("NULL", 4, true);
                case SS ->
                    list("SS", 5, value.ss().stream().map(Binary::fromString).toList());
                case NS ->
                    list("NS", 6, value.ns().stream().map(Binary::fromString).toList());
                case BS ->
                    list(
                            "BS",
                            7,
                            value.bs().stream()
                                    .map(b -> Binary.fromConstantByteArray(b.asByteArray()))
                                    .toList());
                case M -> string("M", 8, DynamoDbJson.item(value.m()));
                case L -> string("L", 9, DynamoDbJson.list(value.l()));
                default -> throw new IllegalArgumentException("An attribute value of unknown type: " + value);
            }
        }

        private void list(String name, int index, List<Binary> elements) {
            out.startField(name, index);
            out.startGroup();
            if (!elements.isEmpty()) {
                out.startField("list", 0);
                for (Binary element : elements) {
                    out.startGroup();
                    out.startField("element", 0);
                    out.addBinary(element);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
            out.endField(name, index);
        }

        private void string(String name, int index, String value) {
            if (value != null) {
                out.startField(name, index);
                out.addBinary(Binary.fromString(value));
                out.endField(name, index);
            }
        }

        private void bool(String name, int index, boolean value) {
            out.startField(name, index);
            out.addBoolean(value);
            out.endField(name, index);
        }
    }

    /** Reads a file's rows group by group with Parquet's example record model. */
    private static final class RowReader implements StreamFormat<ChangeRecord> {
        @Override
        public Reader<ChangeRecord> createReader(
                Configuration config, FSDataInputStream stream, long fileLength, long splitEnd) throws IOException {
            ParquetFileReader file = ParquetFileReader.open(
                    new ParquetInputFile(stream, fileLength),
                    ParquetReadOptions.builder(new PlainParquetConfiguration())
                            .withCodecFactory(new SnappyPages())
                            .build());
            MessageType schema = file.getFooter().getFileMetaData().getSchema();
            return new Reader<>() {
                private RecordReader<Group> rows;
                private long left;

                @Override
                public ChangeRecord read() throws IOException {
                    while (left == 0) {
                        PageReadStore group = file.readNextRowGroup();
                        if (group == null) {
                            return null;
                        }
                        rows = new ColumnIOFactory()
                                .getColumnIO(schema)
                                .getRecordReader(group, new GroupRecordConverter(schema));
                        left = group.getRowCount();
                    }
                    left--;
                    return removal(rows.read()).toRecord();
                }

                @Override
                public void close() throws IOException {
                    file.close();
                }
            };
        }

        @Override
        public Reader<ChangeRecord> restoreReader(
                Configuration config, FSDataInputStream stream, long restoredOffset, long fileLength, long splitEnd)
                throws IOException {
            return createReader(config, stream, fileLength, splitEnd);
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<ChangeRecord> getProducedType() {
            return TypeInformation.of(ChangeRecord.class);
        }
    }

    static ArchivedRemoval removal(Group row) {
        return new ArchivedRemoval(
                row.getString("table_name", 0),
                optional(row, "event_id"),
                optional(row, "sequence_number"),
                optional(row, "shard_id"),
                row.getLong("deleted_at", 0),
                ArchivedRemoval.TTL.equals(row.getString("deleted_by", 0)),
                attributes(row.getGroup("keys", 0)),
                attributes(row.getGroup("item", 0)));
    }

    /** A field the row may lack, or whose file's schema may lack it (written before the field was added). */
    private static String optional(Group row, String field) {
        return !row.getType().containsField(field) || row.getFieldRepetitionCount(field) == 0
                ? null
                : row.getString(field, 0);
    }

    private static Map<String, AttributeValue> attributes(Group map) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        for (int i = 0; i < map.getFieldRepetitionCount("key_value"); i++) {
            Group entry = map.getGroup("key_value", i);
            attributes.put(entry.getString("key", 0), value(entry.getGroup("value", 0)));
        }
        return attributes;
    }

    private static AttributeValue value(Group value) {
        for (String type : TYPES) {
            if (value.getFieldRepetitionCount(type) > 0) {
                return switch (type) {
                    case "S" -> AttributeValue.fromS(value.getString(type, 0));
                    case "N" -> AttributeValue.fromN(value.getString(type, 0));
                    case "B" ->
                        AttributeValue.fromB(
                                SdkBytes.fromByteArray(value.getBinary(type, 0).getBytes()));
                    case "BOOL" -> AttributeValue.fromBool(value.getBoolean(type, 0));
                    case "NULL" -> AttributeValue.fromNul(true);
                    case "SS" ->
                        AttributeValue.fromSs(elements(value.getGroup(type, 0)).stream()
                                .map(Binary::toStringUsingUTF8)
                                .toList());
                    case "NS" ->
                        AttributeValue.fromNs(elements(value.getGroup(type, 0)).stream()
                                .map(Binary::toStringUsingUTF8)
                                .toList());
                    case "BS" ->
                        AttributeValue.fromBs(elements(value.getGroup(type, 0)).stream()
                                .map(b -> SdkBytes.fromByteArray(b.getBytes()))
                                .toList());
                    case "M" -> AttributeValue.fromM(DynamoDbJson.readItem(value.getString(type, 0)));
                    default -> AttributeValue.fromL(DynamoDbJson.readList(value.getString(type, 0)));
                };
            }
        }
        throw new IllegalArgumentException("An archived attribute without a value: " + value);
    }

    private static List<Binary> elements(Group list) {
        List<Binary> elements = new ArrayList<>();
        for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
            elements.add(list.getGroup("list", i).getBinary("element", 0));
        }
        return elements;
    }
}
