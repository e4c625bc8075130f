package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;

/** Deletes a device that is not enabled (an enabled one must be disabled first). */
public interface DeleteMfaDeviceUseCase {

    void delete(Command command);

    record Command(Principal caller, SubAccountId subAccountId, MfaSerialNumber serialNumber) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(serialNumber, "serialNumber");
        }
    }
}
