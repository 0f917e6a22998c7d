package io.shardline.jobs.archive;

import io.shardline.connector.source.ChangeRecord;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
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

    /** Reads one file of this format, outside a Flink job, passing each record in it to {@code each}. */
    void read(Path file, Consumer<ChangeRecord> each) throws IOException {
        FileSystem files = file.getFileSystem();
        long length = files.getFileStatus(file).getLen();
        FSDataInputStream stream = files.open(file);
        FSDataInputStream content = this == JSONL ? new InflatedStream(stream) : stream;
        StreamFormat.Reader<ChangeRecord> records = reader().createReader(new Configuration(), content, length, length);
        try (records) {
            for (ChangeRecord record = records.read(); record != null; record = records.read()) {
                each.accept(record);
            }
        }
    }

    /** A gzip file's content, as Flink's file source hands it to a reader of {@code .gz} files. */
    private static final class InflatedStream extends FSDataInputStream {
        private final FSDataInputStream file;
        private final GZIPInputStream content;
        private long position;

        InflatedStream(FSDataInputStream file) throws IOException {
            this.file = file;
            this.content = new GZIPInputStream(file, 64 * 1024);
        }

        @Override
        public int read() throws IOException {
            int read = content.read();
            position += read < 0 ? 0 : 1;
            return read;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = content.read(bytes, offset, length);
            position += Math.max(0, read);
            return read;
        }

        @Override
        public void seek(long to) {
            throw new UnsupportedOperationException("a gzip stream is read from its start");
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void close() throws IOException {
            content.close();
            file.close();
        }
    }
}
