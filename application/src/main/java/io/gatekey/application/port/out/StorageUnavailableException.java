package io.gatekey.application.port.out;

/** The store cannot be reached right now; the operation changed nothing and may be retried later. */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
