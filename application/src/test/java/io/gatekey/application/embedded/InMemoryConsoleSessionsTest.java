package io.gatekey.application.embedded;

import io.gatekey.application.contract.ConsoleSessionRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryConsoleSessionsTest extends ConsoleSessionRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
