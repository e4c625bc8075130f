package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;

/** A sub account's login name, unique in its account: 1-64 of letters, digits, '.', '_', '@' and '-'. */
public record SubAccountName(String value) {

    public SubAccountName {
        if (value == null || !value.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new InvalidValueException("name", "1-64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
