package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;

/** A human-readable account name: 1-64 characters, no control characters. */
public record AccountName(String value) {

    public AccountName {
        if (value == null || value.isEmpty() || value.length() > 64 || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "1-64 characters without control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
