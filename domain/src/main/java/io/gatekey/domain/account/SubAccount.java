package io.gatekey.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM user inside an account: signs with its own keys, owns its MFA devices, gets temporary credentials.
 * {@code number} is NCP's {@code subAccountNo}: given once, in order, per account; {@code name} is the login id.
 */
public record SubAccount(SubAccountId id, AccountId accountId, long number, SubAccountName name, SubAccountProfile profile,
                         boolean active, Instant createdAt, Instant modifiedAt, Optional<Instant> lastLoginAt) {

    public SubAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(lastLoginAt, "lastLoginAt");
    }

    /** A new, active sub account; its login id must meet the rule for new ones. */
    public static SubAccount create(SubAccountId id, AccountId accountId, long number, SubAccountName name, SubAccountProfile profile, Instant now) {
        name.requireNewLoginId();
        return new SubAccount(id, accountId, number, name, profile, true, now, now, Optional.empty());
    }

    public SubAccount withActive(boolean newActive, Instant now) {
        return new SubAccount(id, accountId, number, name, profile, newActive, createdAt, now, lastLoginAt);
    }

    public SubAccount withProfile(SubAccountProfile newProfile, Instant now) {
        return new SubAccount(id, accountId, number, name, newProfile, active, createdAt, now, lastLoginAt);
    }

    /** The same sub account, having finished a console sign-in at {@code at}. */
    public SubAccount withLastLogin(Instant at) {
        return new SubAccount(id, accountId, number, name, profile, active, createdAt, modifiedAt, Optional.of(at));
    }
}
