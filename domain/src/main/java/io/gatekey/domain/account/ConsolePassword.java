package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;

/**
 * A sub account's console password, as NCP bounds it: 8 to 16 characters mixing upper and lower case letters,
 * digits and symbols. Its text never appears in {@code toString}.
 */
public final class ConsolePassword {

    static final String SYMBOLS = "!@#$%^&*()-_=+[]{};:,.?/~";
    private static final String RULE = "8 to 16 characters with upper and lower case letters, digits and symbols";

    private final String value;

    private ConsolePassword(String value) {
        this.value = value;
    }

    public static ConsolePassword of(String value) {
        if (value == null || value.length() < 8 || value.length() > 16
                || value.chars().noneMatch(Character::isUpperCase) || value.chars().noneMatch(Character::isLowerCase)
                || value.chars().noneMatch(Character::isDigit) || value.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)
                || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidValueException("password", RULE);
        }
        return new ConsolePassword(value);
    }

    /** A password meeting the rule, made from {@code random} (16 bytes or more): one of each kind, the rest mixed. */
    public static ConsolePassword generate(byte[] random) {
        if (random.length < 16) {
            throw new IllegalArgumentException("16 random bytes or more");
        }
        String[] kinds = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", SYMBOLS};
        String all = kinds[0] + kinds[1] + kinds[2] + kinds[3];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String from = i < kinds.length ? kinds[i] : all;
            out.append(from.charAt(Byte.toUnsignedInt(random[i]) % from.length()));
        }
        return of(out.toString());
    }

    /** The text, for hashing and for the one answer that hands a generated password out. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ConsolePassword[hidden]";
    }
}
