package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import java.util.Objects;

/** Creates a virtual MFA device with a fresh seed; it is usable once enabled with two consecutive codes. */
public interface CreateMfaDeviceUseCase {

    CreatedMfaDevice create(Command command);

    record Command(Principal caller, SubAccountId subAccountId, MfaDeviceName name) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The device, and what its owner enrols with: the Base32 seed and the otpauth URI (shown this once). */
    record CreatedMfaDevice(MfaDevice device, String base32Seed, String otpauthUri) {
        @Override
        public String toString() {
            return "CreatedMfaDevice[" + device.serialNumber() + "]";
        }
    }
}
