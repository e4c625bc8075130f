package io.gatekey.domain.account;

import java.time.Instant;
import java.util.Objects;

/** An IAM user inside an account: signs with its own keys, owns its MFA devices, gets temporary credentials. */
public record SubAccount(SubAccountId id, AccountId accountId, SubAccountName name, boolean active, Instant createdAt) {

    public SubAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static SubAccount create(SubAccountId id, AccountId accountId, SubAccountName name, Instant now) {
        return new SubAccount(id, accountId, name, true, now);
    }

    public SubAccount withActive(boolean newActive) {
        return new SubAccount(id, accountId, name, newActive, createdAt);
    }
}
