package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;

/** Forgets a device's recorded clock drift, as an operator or the account's admin. */
public interface ResetMfaDriftUseCase {

    void resetDrift(Command command);

    record Command(Principal caller, MfaSerialNumber serialNumber) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(serialNumber, "serialNumber");
        }
    }
}
