package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountName;
import java.util.Objects;

/** Creates an active sub account with a name unique in its account. */
public interface CreateSubAccountUseCase {

    SubAccount create(Command command);

    record Command(Principal caller, AccountId accountId, SubAccountName name) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(name, "name");
        }
    }
}
