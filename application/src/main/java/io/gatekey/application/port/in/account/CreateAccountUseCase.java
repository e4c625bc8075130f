package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.account.Account;
import io.gatekey.domain.account.AccountName;
import java.util.Objects;

/** Creates an account and its first admin key. Only the operator may. */
public interface CreateAccountUseCase {

    CreatedAccount create(Command command);

    record Command(Principal caller, AccountName name) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The new account and its admin key; the key's secret is shown to its owner this once. */
    record CreatedAccount(Account account, AccessKey adminKey) {
    }
}
