package io.shardline.items;

/**
 * A request the engine refuses or cannot complete, carrying the DynamoDB error type so that
 * callers (and the wire codec) report it exactly as DynamoDB does.
 */
public class DynamoException extends RuntimeException {
    private final ErrorType type;

    public DynamoException(ErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }

    /** A ValidationException with the given message. */
    public static DynamoException validation(String message) {
        return new DynamoException(ErrorType.VALIDATION, message);
    }

    /** A ValidationException worded as DynamoDB words invalid parameter values. */
    public static DynamoException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }
}
