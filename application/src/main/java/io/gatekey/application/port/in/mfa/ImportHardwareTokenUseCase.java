package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.util.Objects;

/**
 * Registers a hardware TOTP token for a user from the seed its vendor supplied. Like a virtual device it is then
 * enabled with two consecutive codes read off the token, which proves the user holds it and measures its drift.
 */
public interface ImportHardwareTokenUseCase {

    MfaDevice importToken(Command command);

    record Command(Principal caller, SubAccountId subAccountId, MfaDeviceName name, TotpSeed seed, TotpParameters parameters) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(parameters, "parameters");
        }
    }
}
