package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import java.util.List;
import java.util.Objects;

/** Lists an account's sub accounts, oldest first. */
public interface ListSubAccountsUseCase {

    List<SubAccount> list(Query query);

    record Query(Principal caller, AccountId accountId) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
        }
    }
}
