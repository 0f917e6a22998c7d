package io.shardline.jobs.archive;

import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Snappy for Parquet pages in pure Java (aircompressor), the codec most Parquet readers expect:
 * Parquet's own codec factory needs a Hadoop configuration and native Snappy, neither of which a
 * Flink job should have to bring.
 */
final class SnappyPages implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        requireSnappy(codec);
        return new BytesInputCompressor() {
            @Override
            @SuppressWarnings("deprecation") // toByteArray: this codec path works on whole pages as arrays
            public BytesInput compress(BytesInput page) throws IOException {
                byte[] input = page.toByteArray();
                SnappyCompressor compressor = new SnappyCompressor();
                byte[] output = new byte[compressor.maxCompressedLength(input.length)];
                int length = compressor.compress(input, 0, input.length, output, 0, output.length);
                return BytesInput.from(output, 0, length);
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.SNAPPY;
            }

            @Override
            public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        requireSnappy(codec);
        return new BytesInputDecompressor() {
            @Override
            @SuppressWarnings("deprecation") // toByteArray, as in compress
            public BytesInput decompress(BytesInput page, int uncompressedSize) throws IOException {
                byte[] input = page.toByteArray();
                byte[] output = new byte[uncompressedSize];
                new SnappyDecompressor().decompress(input, 0, input.length, output, 0, uncompressedSize);
                return BytesInput.from(output);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                ByteBuffer page = input.duplicate();
                page.limit(page.position() + compressedSize);
                ByteBuffer into = output.duplicate();
                into.limit(into.position() + uncompressedSize);
                new SnappyDecompressor().decompress(page, into);
            }

            @Override
            public void release() {}
        };
    }

    private static void requireSnappy(CompressionCodecName codec) {
        if (codec != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("Archive files are Snappy-compressed; this one uses " + codec);
        }
    }

    @Override
    public void release() {}
}
