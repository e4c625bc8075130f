package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.ConsoleSessionRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbConsoleSessionsTest extends ConsoleSessionRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
