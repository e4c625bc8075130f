package io.gatekey.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A tenant: owns sub accounts, keys and MFA devices; managed by its admin principal. */
public record Account(AccountId id, AccountName name, Optional<LoginAlias> loginAlias, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loginAlias, "loginAlias");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Account create(AccountId id, AccountName name, Instant now) {
        return new Account(id, name, Optional.empty(), now);
    }

    public Account withLoginAlias(LoginAlias alias) {
        return new Account(id, name, Optional.of(alias), createdAt);
    }
}
