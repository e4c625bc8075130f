package io.gatekey.adapter.persistence;

/** The master key Gatekey was given cannot be read or is not a key: its message names where it came from. */
public final class MasterKeyUnusableException extends RuntimeException {

    MasterKeyUnusableException(String message) {
        super(message);
    }
}
