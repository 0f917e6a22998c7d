package io.shardline.jobs.cli;

import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads sizes on the command line as Flink does: {@code 512kb}, {@code 64mb}, {@code 1gb}, or bytes. */
public final class SizeConverter implements ITypeConverter<MemorySize> {
    @Override
    public MemorySize convert(String value) {
        try {
            return MemorySize.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a size (for example 512kb, 64mb, 1gb)");
        }
    }
}
