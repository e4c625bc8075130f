package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import java.util.Objects;

/** Lets a sub account sign again. */
public interface ActivateSubAccountUseCase {

    SubAccount activate(Command command);

    record Command(Principal caller, SubAccountId subAccountId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
        }
    }
}
