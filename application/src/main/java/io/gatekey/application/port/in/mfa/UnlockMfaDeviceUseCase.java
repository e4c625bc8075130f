package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;

/** Clears a device's failure count and lock, as an operator or the account's admin. */
public interface UnlockMfaDeviceUseCase {

    void unlock(Command command);

    record Command(Principal caller, MfaSerialNumber serialNumber) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(serialNumber, "serialNumber");
        }
    }
}
