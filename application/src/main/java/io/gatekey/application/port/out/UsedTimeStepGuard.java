package io.gatekey.application.port.out;

import io.gatekey.domain.mfa.MfaSerialNumber;

/** Makes each TOTP code usable once: the check-and-record of an accepted step. */
public interface UsedTimeStepGuard {

    /**
     * Records {@code step} as the device's last accepted step if, and only if, it is later than the one recorded,
     * and then clears the device's failure count. Atomic across every process sharing the store: of any number of
     * concurrent calls with the same step, exactly one returns true.
     */
    boolean acceptIfLater(MfaSerialNumber serialNumber, long step);
}
