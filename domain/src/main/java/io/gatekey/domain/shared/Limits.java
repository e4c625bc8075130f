package io.gatekey.domain.shared;

/** Installation-wide limits that several rules share. */
public final class Limits {

    /** Active keys per owner, as AWS and NCP allow: two let an owner rotate without downtime. */
    public static final int ACCESS_KEYS_PER_OWNER = 2;

    /** Sub accounts per account, NCP's limit. */
    public static final int SUB_ACCOUNTS_PER_ACCOUNT = 500;

    private Limits() {
    }
}
