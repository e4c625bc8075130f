package io.gatekey.application.port.in.console;

import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The first step of a console sign-in: the account's login alias, the user's login id and password. Every refusal
 * (no such alias or user, a wrong password, no console access, an address outside the user's permitted ranges, a
 * locked sign-in) is the same {@link Refused} after the same work, so the answer tells nothing about who exists.
 */
public interface SignInToConsoleUseCase {

    Result signIn(Command command);

    /** The text as typed; {@code source} is the address the request came from, when the door can tell. */
    record Command(String loginAlias, String loginId, String password, Optional<InetAddress> source) {
        public Command {
            loginAlias = Objects.requireNonNullElse(loginAlias, "");
            loginId = Objects.requireNonNullElse(loginId, "");
            password = Objects.requireNonNullElse(password, "");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return "Command[" + loginAlias + "/" + loginId + "]";
        }
    }

    sealed interface Result permits Begun, Refused {
    }

    /** The password held: a new session, at the stage the user must pass next. */
    record Begun(ConsoleSessionToken token, ConsoleSession session) implements Result {
    }

    /** Refused, for a reason this answer does not tell. */
    record Refused() implements Result {
    }
}
