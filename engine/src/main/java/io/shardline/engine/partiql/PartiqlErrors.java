package io.shardline.engine.partiql;

import io.shardline.items.DynamoException;

/** The ValidationExceptions DynamoDB answers for statements it cannot parse or does not support. */
final class PartiqlErrors {
    private PartiqlErrors() {}

    static DynamoException malformed(String detail) {
        return DynamoException.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    static DynamoException unsupported(String detail) {
        return DynamoException.validation("Unsupported operation: " + detail);
    }
}
