package io.gatekey.application.port.in.account;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccount;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.account.SubAccountProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces a sub account's profile and, when given, switches it on or off (switching off revokes its temporary
 * credentials, as deactivating does).
 */
public interface UpdateSubAccountUseCase {

    SubAccount update(Command command);

    record Command(Principal caller, SubAccountId subAccountId, SubAccountProfile profile, Optional<Boolean> active) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(active, "active");
        }
    }
}
