package io.gatekey.application.embedded;

import io.gatekey.application.contract.AccessKeyRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryAccessKeyRepositoryTest extends AccessKeyRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
