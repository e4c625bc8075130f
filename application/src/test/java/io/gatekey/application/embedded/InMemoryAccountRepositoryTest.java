package io.gatekey.application.embedded;

import io.gatekey.application.contract.AccountRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryAccountRepositoryTest extends AccountRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
