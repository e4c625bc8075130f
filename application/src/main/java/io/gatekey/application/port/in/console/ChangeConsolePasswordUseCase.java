package io.gatekey.application.port.in.console;

import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.console.ConsoleSession;
import java.util.Objects;

/**
 * Sets the new password a sign-in must choose when a reset is due: it must differ from the old one, ends every
 * other session of the user, and moves this one on under a new token.
 */
public interface ChangeConsolePasswordUseCase {

    ConsoleStep.Advanced change(Command command);

    record Command(ConsoleSession session, ConsolePassword newPassword) {
        public Command {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(newPassword, "newPassword");
        }
    }
}
