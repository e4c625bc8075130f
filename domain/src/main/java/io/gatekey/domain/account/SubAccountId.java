package io.gatekey.domain.account;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;
import java.util.Optional;

/** Identifies a sub account (an IAM user): 1-64 of letters, digits, '_' and '-'. */
public record SubAccountId(String value) {

    public SubAccountId {
        if (!Identifiers.isIdToken(value, 1, 64)) {
            throw new InvalidValueException("userId", "1-64 letters, digits, '_' or '-'");
        }
    }

    /** The id {@code text} spells, or empty when it cannot be one. */
    public static Optional<SubAccountId> parse(String text) {
        return Identifiers.isIdToken(text, 1, 64) ? Optional.of(new SubAccountId(text)) : Optional.empty();
    }

    /** A new id from 16 random bytes, as 32 lower-case hex digits. */
    public static SubAccountId fromRandom(byte[] sixteenBytes) {
        return new SubAccountId(Identifiers.hex(sixteenBytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
