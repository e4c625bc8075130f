package io.gatekey.domain.console;

import io.gatekey.domain.shared.InvalidValueException;

/** A console session's storage key: the hex SHA-256 of its token, never the token itself. */
public record ConsoleSessionKey(String value) {

    public ConsoleSessionKey {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new InvalidValueException("sessionKey", "64 hex digits");
        }
    }
}
