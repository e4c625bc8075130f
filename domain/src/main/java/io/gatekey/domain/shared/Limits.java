package io.gatekey.domain.shared;

/** Installation-wide limits that several rules share. */
public final class Limits {

    /** As AWS and NCP do: two keys let an owner rotate without downtime. */
    public static final int ACCESS_KEYS_PER_OWNER = 2;

    private Limits() {
    }
}
