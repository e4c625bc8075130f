package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.ConsoleSessionRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class H2ConsoleSessionsTest extends ConsoleSessionRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.h2().ports(Clock.systemUTC());
    }
}
