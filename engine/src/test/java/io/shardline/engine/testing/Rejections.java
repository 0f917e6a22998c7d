package io.shardline.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a call fails with a given DynamoDB error type. */
public final class Rejections {
    private Rejections() {}

    public static DynamoException rejected(ErrorType type, Executable call) {
        DynamoException e = assertThrows(DynamoException.class, call);
        assertEquals(type, e.type(), e.getMessage());
        return e;
    }
}
