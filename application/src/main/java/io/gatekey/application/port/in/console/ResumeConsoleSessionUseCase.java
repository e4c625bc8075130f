package io.gatekey.application.port.in.console;

import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.ConsoleSessionToken;
import java.util.Optional;

/**
 * Finds the session a request's cookie names, if it still holds: within its idle and absolute timeouts, its user
 * still active with console access. Records the request, so the idle timeout starts again.
 */
public interface ResumeConsoleSessionUseCase {

    Optional<ConsoleSession> resume(ConsoleSessionToken token);
}
