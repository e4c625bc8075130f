package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import java.util.Objects;

/** Deletes a sub account with its access keys and MFA devices, and revokes its temporary credentials. */
public interface DeleteSubAccountUseCase {

    void delete(Command command);

    record Command(Principal caller, SubAccountId subAccountId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
        }
    }
}
