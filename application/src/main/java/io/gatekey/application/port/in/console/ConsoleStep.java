package io.gatekey.application.port.in.console;

import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import io.gatekey.domain.mfa.MfaCheck;

/** What a console step can come to: further, under a new session token, or refused (nothing changed but counts). */
public final class ConsoleStep {

    private ConsoleStep() {
    }

    /** Where a step left the user. */
    public sealed interface Outcome permits Advanced, Refused {
    }

    /** The step passed; the session goes on as {@code session}, whose cookie is {@code token} (a new one at every step). */
    public record Advanced(ConsoleSessionToken token, ConsoleSession session) implements Outcome {
    }

    /** A code was refused, for the reason given (wrong, replayed, locked...). */
    public record Refused(MfaCheck.Reason reason) implements Outcome {
    }
}
