package io.gatekey.application.port.in.mfa;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.Secrets;
import java.util.Objects;

/** Enables a created or disabled device with two codes of consecutive steps. */
public interface EnableMfaDeviceUseCase {

    MfaCheck enable(Command command);

    /** The codes are taken exactly as sent: anything but the device's number of digits is refused. */
    record Command(Principal caller, SubAccountId subAccountId, MfaSerialNumber serialNumber, String firstCode, String secondCode) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
            Objects.requireNonNull(serialNumber, "serialNumber");
            Secrets.requireText("authentication_code_first", firstCode);
            Secrets.requireText("authentication_code_second", secondCode);
        }

        @Override
        public String toString() {
            return "Command[" + serialNumber + "]";
        }
    }
}
