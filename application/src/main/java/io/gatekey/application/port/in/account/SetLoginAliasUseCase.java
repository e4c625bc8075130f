package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.LoginAlias;
import java.util.Objects;

/** Sets the account's login alias, unique across the installation. Only the account's admin may. */
public interface SetLoginAliasUseCase {

    void setLoginAlias(Command command);

    record Command(Principal caller, AccountId accountId, LoginAlias alias) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(alias, "loginAlias");
        }
    }
}
