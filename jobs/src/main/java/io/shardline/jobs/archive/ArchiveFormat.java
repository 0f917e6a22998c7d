package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.io.InputStreamFSInputWrapper;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** The archive's file formats: how removals are written and read back, and the files' name suffix. */
public enum ArchiveFormat {
    /** JSON lines in DynamoDB JSON, gzip-compressed. */
    JSONL(".jsonl.gz"),
    /** Parquet, Snappy-compressed. */
    PARQUET(".parquet");

    private final String suffix;

    ArchiveFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Writes removals of {@code table}'s items; Parquet buffers up to {@code rowGroupBytes} a row group. */
    BulkWriter.Factory<ChangeRecord> writer(String table, long rowGroupBytes) {
        return this == JSONL ? JsonLinesArchive.writer(table) : ParquetArchive.writer(table, rowGroupBytes);
    }

    /** Reads files of this format back as the REMOVE records they were made from. */
    StreamFormat<ChangeRecord> reader() {
        return this == JSONL ? JsonLinesArchive.reader() : ParquetArchive.reader();
    }

    /**
     * Reads one file of this format outside a Flink job, passing each record in it to {@code each}:
     * {@code .gz} files decompressed, as Flink's file source hands them to a reader.
     */
    void read(Path file, Consumer<ChangeRecord> each) throws IOException {
        FileSystem files = file.getFileSystem();
        long length = files.getFileStatus(file).getLen();
        try (FSDataInputStream stream = files.open(file);
                StreamFormat.Reader<ChangeRecord> records = reader().createReader(
                                new Configuration(),
                                this == JSONL ? new InputStreamFSInputWrapper(new GZIPInputStream(stream)) : stream,
                                length,
                                length)) {
            for (ChangeRecord record = records.read(); record != null; record = records.read()) {
                each.accept(record);
            }
        }
    }
}
