package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import java.util.Objects;

/** Stops a sub account: none of its keys, long-term or temporary, signs until it is activated again. */
public interface DeactivateSubAccountUseCase {

    SubAccount deactivate(Command command);

    record Command(Principal caller, SubAccountId subAccountId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
        }
    }
}
