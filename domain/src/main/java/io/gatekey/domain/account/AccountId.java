package io.gatekey.domain.account;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;

/** Identifies an account (a tenant, Huawei's "domain"): 1-64 of letters, digits, '_' and '-'. */
public record AccountId(String value) {

    public AccountId {
        if (!Identifiers.isIdToken(value, 1, 64)) {
            throw new InvalidValueException("accountId", "1-64 letters, digits, '_' or '-'");
        }
    }

    /** A new id from 16 random bytes, as 32 lower-case hex digits. */
    public static AccountId fromRandom(byte[] sixteenBytes) {
        return new AccountId(Identifiers.hex(sixteenBytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
