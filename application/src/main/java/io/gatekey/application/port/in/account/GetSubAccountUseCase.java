package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import java.util.Objects;

/** Reads one sub account. */
public interface GetSubAccountUseCase {

    SubAccount get(Command command);

    record Command(Principal caller, SubAccountId subAccountId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
        }
    }
}
