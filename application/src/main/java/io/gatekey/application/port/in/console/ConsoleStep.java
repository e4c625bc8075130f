package io.gatekey.application.port.in.console;

import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import io.gatekey.domain.mfa.MfaCheck;

/** Where a sign-in step left the user: further, under a new session token, or refused (nothing changed but counts). */
public sealed interface ConsoleStep permits ConsoleStep.Advanced, ConsoleStep.Refused {

    /** The step passed; the session goes on as {@code session}, whose cookie is {@code token} (a new one at every step). */
    record Advanced(ConsoleSessionToken token, ConsoleSession session) implements ConsoleStep {
    }

    /** A code was refused, for the reason given (wrong, replayed, locked...). */
    record Refused(MfaCheck.Reason reason) implements ConsoleStep {
    }
}
