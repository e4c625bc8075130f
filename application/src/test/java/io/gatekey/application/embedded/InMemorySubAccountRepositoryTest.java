package io.gatekey.application.embedded;

import io.gatekey.application.contract.SubAccountRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemorySubAccountRepositoryTest extends SubAccountRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
