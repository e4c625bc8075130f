package io.gatekey.domain.accesskey;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import java.util.Objects;
import java.util.Optional;

/** Who a long-term key belongs to: the account's admin (no sub account) or one sub account. */
public record KeyOwner(AccountId accountId, Optional<SubAccountId> subAccountId) {

    public KeyOwner {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(subAccountId, "subAccountId");
    }

    public static KeyOwner admin(AccountId accountId) {
        return new KeyOwner(accountId, Optional.empty());
    }

    public static KeyOwner subAccount(AccountId accountId, SubAccountId subAccountId) {
        return new KeyOwner(accountId, Optional.of(subAccountId));
    }

    public boolean isAdmin() {
        return subAccountId.isEmpty();
    }
}
