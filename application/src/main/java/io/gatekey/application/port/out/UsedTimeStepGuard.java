package io.gatekey.application.port.out;

import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Instant;

/** Makes each TOTP code usable once: the check-and-record of an accepted step. */
public interface UsedTimeStepGuard {

    /**
     * Records {@code step} as the device's last accepted step if, and only if, it is later than the one recorded,
     * and then clears the device's failure count. Atomic across every process sharing the store: of any number of
     * concurrent calls with the same step, exactly one returns true.
     */
    boolean acceptIfLater(MfaSerialNumber serialNumber, long step);

    /**
     * As {@link #acceptIfLater}, for a device read with {@link MfaDeviceRepository#findForUpdate} unlocked and with
     * {@code heldCount} failures: applies only if it is still so at {@code now}, so the code was judged on the
     * device as it is. Atomic; false, changing nothing, otherwise.
     */
    boolean acceptHeld(MfaSerialNumber serialNumber, long step, int heldCount, Instant now);
}
