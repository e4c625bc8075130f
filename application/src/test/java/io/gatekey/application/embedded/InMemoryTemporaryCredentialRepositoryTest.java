package io.gatekey.application.embedded;

import io.gatekey.application.contract.TemporaryCredentialRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class InMemoryTemporaryCredentialRepositoryTest extends TemporaryCredentialRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return EmbeddedGatekey.inMemoryPorts(Clock.systemUTC());
    }
}
