package io.gatekey.domain.shared;

/** A value broke its rule; {@code field} names the value, {@code rule} says what it must be. */
public final class InvalidValueException extends GatekeyException {

    private final String field;
    private final String rule;

    public InvalidValueException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
