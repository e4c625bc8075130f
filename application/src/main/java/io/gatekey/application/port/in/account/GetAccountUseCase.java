package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountId;
import java.util.Objects;

/** Reads an account: its own for any of its principals, any for the operator. */
public interface GetAccountUseCase {

    Account get(Query query);

    record Query(Principal caller, AccountId accountId) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
        }
    }
}
