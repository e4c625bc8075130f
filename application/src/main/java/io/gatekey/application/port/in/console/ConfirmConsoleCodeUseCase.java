package io.gatekey.application.port.in.console;

import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time code in a console session, under the same single use, lockout and audit as the API doors: at the code
 * step of a sign-in it moves the session on (under a new token); in a signed-in session it renews the session's
 * MFA proof, which changing an MFA device needs. The device is the one named, else the user's enabled one.
 */
public interface ConfirmConsoleCodeUseCase {

    ConsoleStep.Outcome confirm(Command command);

    record Command(ConsoleSession session, Optional<MfaSerialNumber> serialNumber, String code) {
        public Command {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(serialNumber, "serialNumber");
            code = Objects.requireNonNullElse(code, "");
        }

        @Override
        public String toString() {
            return "Command[" + serialNumber + "]";
        }
    }
}
