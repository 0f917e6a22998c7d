package io.shardline.engine.storage;

/** The embedded store failed, or holds what this engine cannot read; the operation that met it did not take effect. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
