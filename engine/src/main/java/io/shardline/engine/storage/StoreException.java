package io.shardline.engine.storage;

/** The embedded store failed; the operation that met it did not take effect. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
