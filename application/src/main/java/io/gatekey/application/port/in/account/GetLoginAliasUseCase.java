package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.Objects;
import java.util.Optional;

/** Reads the account's login alias; any principal of the account may. */
public interface GetLoginAliasUseCase {

    Optional<LoginAlias> getLoginAlias(Query query);

    record Query(Principal caller, AccountId accountId) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
        }
    }
}
