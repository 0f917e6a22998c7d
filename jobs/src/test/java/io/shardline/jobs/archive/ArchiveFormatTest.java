package io.shardline.jobs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.io.InputStreamFSInputWrapper;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ArchiveFormatTest {
    @TempDir
    java.nio.file.Path dir;

    /**
     * An item holding every attribute type, at the edges DynamoDB allows, numbers in the form DynamoDB
     * answers with (no exponent, no trailing zeros), as a stream delivers them.
     */
    static Map<String, AttributeValue> everyType(int n) {
        return Map.ofEntries(
                Map.entry("pk", AttributeValue.fromS("customer#" + n)),
                Map.entry("sk", AttributeValue.fromN(Integer.toString(n))),
                Map.entry("text", AttributeValue.fromS("ünïcødé \"quoted\" \\ \n tab\t 🚀")),
                Map.entry("big", AttributeValue.fromN("12345678901234567890123456789012345678")),
                Map.entry("small", AttributeValue.fromN("-0.000000000000000000000000000000000000012345")),
                Map.entry(
                        "huge",
                        AttributeValue.fromN(
                                new BigDecimal("9.9999999999999999999999999999999999999E+125").toPlainString())),
                Map.entry("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, (byte) n, 127}))),
                Map.entry("flag", AttributeValue.fromBool(n % 2 == 0)),
                Map.entry("nothing", AttributeValue.fromNul(true)),
                Map.entry("names", AttributeValue.fromSs(List.of("a", "b" + n))),
                Map.entry("numbers", AttributeValue.fromNs(List.of("1", "98765432109876543210987654321098765432"))),
                Map.entry(
                        "blobs",
                        AttributeValue.fromBs(List.of(
                                SdkBytes.fromByteArray(new byte[] {1}),
                                SdkBytes.fromByteArray(new byte[] {(byte) n, 2})))),
                Map.entry(
                        "address",
                        AttributeValue.fromM(Map.of(
                                "city",
                                AttributeValue.fromS("Lyon"),
                                "inner",
                                AttributeValue.fromM(Map.of(
                                        "deep",
                                        AttributeValue.fromL(List.of(
                                                AttributeValue.fromN("3.14"),
                                                AttributeValue.fromNul(true),
                                                AttributeValue.fromSs(List.of("x")))))),
                                "empty",
                                AttributeValue.fromM(Map.of())))),
                Map.entry(
                        "lines",
                        AttributeValue.fromL(List.of(
                                AttributeValue.fromM(Map.of("qty", AttributeValue.fromN("2"))),
                                AttributeValue.fromL(List.of()),
                                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9}))))));
    }

    static ChangeRecord removal(int n, boolean byTtl) {
        Map<String, AttributeValue> item = everyType(n);
        return new ChangeRecord(
                "event-" + n,
                "REMOVE",
                "1.1",
                "aws:dynamodb",
                null,
                Map.of("pk", item.get("pk"), "sk", item.get("sk")),
                item,
                null,
                "0000" + (1000 + n),
                null,
                1_764_000_000_123L + n,
                null,
                "shardId-" + n % 2,
                byTtl ? ChangeRecord.TTL_SERVICE : null);
    }

    /** The file's content as Flink's file source hands it to a format: {@code .gz} files decompressed. */
    static FSDataInputStream decompressed(FSDataInputStream file, ArchiveFormat format) throws IOException {
        return format.suffix().endsWith(".gz") ? new InputStreamFSInputWrapper(new GZIPInputStream(file)) : file;
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void everyAttributeTypeReadsBackExactly(ArchiveFormat format) throws IOException {
        List<ChangeRecord> written = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            written.add(removal(n, n % 3 != 0));
        }
        Path file = new Path(dir.resolve("removals" + format.suffix()).toUri());
        FileSystem files = file.getFileSystem();
        try (FSDataOutputStream out = files.create(file, FileSystem.WriteMode.NO_OVERWRITE)) {
            BulkWriter<ChangeRecord> writer = format.writer("Orders", 1024).create(out);
            for (ChangeRecord record : written) {
                writer.addElement(record);
            }
            writer.finish();
        }
        List<ChangeRecord> read = new ArrayList<>();
        long length = files.getFileStatus(file).getLen();
        try (FSDataInputStream in = files.open(file);
                StreamFormat.Reader<ChangeRecord> reader = format.reader()
                        .createReader(
                                new Configuration(), ArchiveFormatTest.decompressed(in, format), length, length)) {
            for (ChangeRecord record = reader.read(); record != null; record = reader.read()) {
                read.add(record);
            }
        }
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            ChangeRecord expected = written.get(i);
            ChangeRecord actual = read.get(i);
            assertThat(actual.oldImage()).isEqualTo(expected.oldImage());
            assertThat(actual.keys()).isEqualTo(expected.keys());
            assertThat(actual.sequenceNumber()).isEqualTo(expected.sequenceNumber());
            assertThat(actual.shardId()).isEqualTo(expected.shardId());
            assertThat(actual.eventId()).isEqualTo(expected.eventId());
            assertThat(actual.approximateCreationTimeMillis()).isEqualTo(expected.approximateCreationTimeMillis());
            assertThat(actual.deletedByTtl()).isEqualTo(expected.deletedByTtl());
            assertThat(actual.eventName()).isEqualTo("REMOVE");
        }
    }
}
