package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import java.util.Objects;
import java.util.Optional;

/** Finds one of an account's sub accounts by its login id, unique in the account (the account's admin, or the operator). */
public interface FindSubAccountByNameUseCase {

    Optional<SubAccount> find(Query query);

    record Query(Principal caller, AccountId accountId, SubAccountName name) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(name, "name");
        }
    }
}
