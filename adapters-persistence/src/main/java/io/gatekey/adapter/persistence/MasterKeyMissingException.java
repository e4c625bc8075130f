package io.gatekey.adapter.persistence;

/**
 * Gatekey was pointed at a database other than its embedded one without a master key, or its embedded database
 * outlived the key file that seals its secrets.
 */
public final class MasterKeyMissingException extends RuntimeException {

    public MasterKeyMissingException() {
        this("No master key is configured. Set GATEKEY_MASTER_KEY to Base64 of 32 random bytes "
                + "(for example: openssl rand -base64 32), or point gatekey.master-key-file at a key file. "
                + "Gatekey creates a key file by itself only for its embedded H2 database.");
    }

    MasterKeyMissingException(String message) {
        super(message);
    }
}
