package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;

/** Disables an enabled device: it no longer passes MFA checks until enabled again. */
public interface DisableMfaDeviceUseCase {

    void disable(Command command);

    record Command(Principal caller, SubAccountId subAccountId, MfaSerialNumber serialNumber) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(serialNumber, "serialNumber");
        }
    }
}
