package io.shardline.connector.source;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;
import org.apache.flink.util.SerializedThrowable;

/**
 * Records of a shard that the source had not read yet are gone: trimmed by the stream's retention,
 * or the shard or its stream left the stream. The message names the shard, the stream and the
 * sequence number after which records were lost. Restarting cannot bring them back, so the job fails
 * without restarts; a job that owns a copy of the table snapshots it again instead (see docs/jobs.md),
 * and {@link ShardlineSourceOptions#ON_TRIMMED_DATA} can tell the source to skip the gap.
 */
@PublicEvolving
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class TrimmedStreamException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrimmedStreamException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure}, or anything that caused it, is this exception, also as Flink carries it between processes. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TrimmedStreamException
                    || cause instanceof SerializedThrowable serialized
                            && TrimmedStreamException.class.getName().equals(serialized.getOriginalErrorClassName())) {
                return true;
            }
        }
        return false;
    }
}
