package io.gatekey.domain.console;

import io.gatekey.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** A console session's storage key: the hex SHA-256 of its token, never the token itself. */
public record ConsoleSessionKey(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public ConsoleSessionKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("sessionKey", "64 hex digits");
        }
    }
}
