package io.shardline.jobs.selection;

import java.io.Serializable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user's own change to each replicated item, for what a filter and a projection cannot say
 * (renaming, masking, deriving attributes). Named with {@code --transform} by its class name, which
 * must be on the job's class path with a public no-argument constructor. It runs after the filter
 * and the projection, on every item the targets would hold: on each change's new image, on each
 * snapshot item, and on old images to decide whether a target held the item. It must be a pure
 * function of the item, so that replays give the same result.
 */
@FunctionalInterface
public interface ReplicationTransform extends Serializable {
    /**
     * The item as the targets should hold it, with its key attributes unchanged, or null to leave it
     * out of the targets (as a filter would, removing it where a target holds it).
     */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /** An instance of the named class from the class path, or null for no class. */
    static ReplicationTransform load(String className) {
        if (className == null) {
            return null;
        }
        Object instance;
        try {
            instance = Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(
                    "--transform " + className + " cannot be made: it needs to be a class "
                            + "on the class path with a public no-argument constructor (" + e + ")",
                    e);
        }
        if (!(instance instanceof ReplicationTransform transform)) {
            throw new IllegalArgumentException(
                    "--transform " + className + " does not implement " + ReplicationTransform.class.getName());
        }
        return transform;
    }
}
