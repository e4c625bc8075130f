package io.gatekey.application.port.in.console;

import io.gatekey.domain.console.ConsoleSession;

/** Ends a console session on the server, for every node at once. */
public interface SignOutOfConsoleUseCase {

    void signOut(ConsoleSession session);
}
