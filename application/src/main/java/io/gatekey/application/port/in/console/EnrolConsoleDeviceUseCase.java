package io.gatekey.application.port.in.console;

import io.gatekey.application.port.in.mfa.CreateMfaDeviceUseCase.CreatedMfaDevice;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.util.Objects;

/**
 * A virtual device enrolled from the console: the step a sign-in must pass when MFA is mandatory and the user has
 * none, or the signed-in user's own choice. {@link #begin} makes a fresh device (replacing one left unfinished,
 * whose seed was shown before), {@link #finish} enables it with two consecutive codes, and the session goes on
 * under a new token with that check as its MFA proof (at sign-in, into the console).
 */
public interface EnrolConsoleDeviceUseCase {

    CreatedMfaDevice begin(ConsoleSession session);

    ConsoleStep.Outcome finish(Finish command);

    record Finish(ConsoleSession session, MfaSerialNumber serialNumber, String firstCode, String secondCode) {
        public Finish {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(serialNumber, "serialNumber");
            firstCode = Objects.requireNonNullElse(firstCode, "");
            secondCode = Objects.requireNonNullElse(secondCode, "");
        }

        @Override
        public String toString() {
            return "Finish[" + serialNumber + "]";
        }
    }
}
